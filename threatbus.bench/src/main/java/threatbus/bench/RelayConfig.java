// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.util.Set;

/** The options of {@code relay}; port 0 binds a free port (used by tests). */
record RelayConfig(String host, int managePort, int pubPort, int subPort, int hwm) {
    static final Set<String> OPTIONS = Set.of("host", "manage", "pub", "sub", "hwm");

    static RelayConfig parse(String[] args, int from) {
        CliArgs a = CliArgs.parse(args, from, OPTIONS, Set.of());
        return new RelayConfig(
                a.string("host", "127.0.0.1"),
                (int) a.integer("manage", 13370, 0, 65535),
                (int) a.integer("pub", 13371, 0, 65535),
                (int) a.integer("sub", 13372, 0, 65535),
                (int) a.integer("hwm", Receiver.HWM, 0, Integer.MAX_VALUE));
    }
}
