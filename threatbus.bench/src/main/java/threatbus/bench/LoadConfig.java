// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.time.Duration;
import java.util.Set;

/** The options of {@code load}; see {@link Main} for what they mean. */
record LoadConfig(
        Endpoint manage,
        int subscribers,
        int publishers,
        int messages,
        double rate,
        int size,
        String topic,
        Duration timeout,
        String pid,
        boolean json,
        Duration manageTimeout,
        int ioThreads) {

    static final Set<String> OPTIONS = Set.of("manage", "subscribers", "publishers", "messages", "rate", "size",
            "topic", "timeout", "pid", "manage-timeout", "io-threads");
    static final Set<String> FLAGS = Set.of("json");

    static LoadConfig parse(String[] args, int from) {
        CliArgs a = CliArgs.parse(args, from, OPTIONS, FLAGS);
        String pid = a.string("pid", null);
        if (pid != null && (!pid.matches("[1-9][0-9]*") || !ProcStats.exists(pid))) {
            throw new UsageException("--pid " + pid + ": no such process");
        }
        int subscribers = (int) a.integer("subscribers", 1, 1, 10_000);
        int publishers = (int) a.integer("publishers", 1, 1, 1_000);
        int messages = (int) a.integer("messages", 100_000, 1, 500_000_000);
        if (messages < publishers) {
            throw new UsageException("--messages must be at least --publishers");
        }
        String topic = a.string("topic", "stix2/indicator");
        if (topic.isEmpty() || topic.contains(" ")) {
            throw new UsageException("--topic must be non-empty and without spaces");
        }
        return new LoadConfig(
                Endpoint.parse(a.string("manage", "tcp://127.0.0.1:13370")),
                subscribers,
                publishers,
                messages,
                a.decimal("rate", 0, 0),
                (int) a.integer("size", 500, 0, 200_000),
                topic,
                seconds(a.decimal("timeout", 10, 0.1)),
                pid,
                a.flag("json"),
                seconds(a.decimal("manage-timeout", 5, 0.1)),
                // one I/O thread would encode every send and decode all K streams alone; two let
                // those overlap, which measured 10 to 40 % more throughput even on two cores
                (int) a.integer("io-threads", 2, 1, 64));
    }

    /** True for a burst, false for a paced run. */
    boolean burst() {
        return rate == 0;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}
