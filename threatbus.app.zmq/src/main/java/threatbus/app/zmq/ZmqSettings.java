// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The validated configuration of the zmq app. */
record ZmqSettings(String host, int managePort, int pubPort, int subPort, Duration heartbeatTimeout,
        int maxFrameBytes, int sendHwm, int receiveHwm, String advertisedHost, ZmqSecurity security) {

    /** Validates a configuration; every problem is named by its key. */
    static ZmqSettings of(ZmqConfig config) {
        List<String> problems = new ArrayList<>();
        String host = config.host() == null ? "" : config.host().strip();
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\-\\[\\]*]+")) {
            problems.add("host must be an address or host name, got \"" + config.host() + "\"");
        }
        port(config.manage(), "manage", problems);
        port(config.pub(), "pub", problems);
        port(config.sub(), "sub", problems);
        if (config.manage() == config.pub() || config.pub() == config.sub() || config.manage() == config.sub()) {
            problems.add("manage, pub and sub must be three different ports, got " + config.manage() + ", "
                    + config.pub() + ", " + config.sub());
        }
        if (config.heartbeat_timeout_s() < 0) {
            problems.add("heartbeat.timeout.s must be 0 (off) or positive, got " + config.heartbeat_timeout_s());
        }
        atLeast(config.max_frame_bytes(), 1024, "max.frame.bytes", problems);
        atLeast(config.send_hwm(), 1, "send.hwm", problems);
        atLeast(config.receive_hwm(), 1, "receive.hwm", problems);
        String advertised = config.advertised_host() == null ? "" : config.advertised_host().strip();
        if (!advertised.isEmpty() && !advertised.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            problems.add("advertised.host must be a host name or address, got \"" + advertised + "\"");
        }
        ZmqSecurity security = ZmqSecurity.of(config.curve_secret__key(), config.curve_allowed__clients(),
                config.plain_users(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid zmq app configuration: " + String.join("; ", problems));
        }
        return new ZmqSettings(host, config.manage(), config.pub(), config.sub(),
                Duration.ofSeconds(config.heartbeat_timeout_s()), config.max_frame_bytes(), config.send_hwm(),
                config.receive_hwm(), advertised, security);
    }

    private static void port(int port, String key, List<String> problems) {
        if (port < 1 || port > 65_535) {
            problems.add(key + " must be a TCP port (1-65535), got " + port);
        }
    }

    private static void atLeast(int value, int min, String key, List<String> problems) {
        if (value < min) {
            problems.add(key + " must be at least " + min + ", got " + value);
        }
    }

    String endpoint(int port) {
        return "tcp://" + host + ":" + port;
    }
}
