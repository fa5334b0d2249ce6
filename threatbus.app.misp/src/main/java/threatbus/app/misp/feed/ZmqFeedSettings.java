// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Where MISP's ZeroMQ publisher is, and MISP's {@code ZeroMQ_username}/{@code ZeroMQ_password} when it
 * requires PLAIN authentication. No username and no password (null or empty) means no authentication.
 *
 * @throws IllegalArgumentException naming the configuration key of every problem
 */
public record ZmqFeedSettings(String host, int port, String username, String password) {

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 50000;

    public ZmqFeedSettings {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank() || !host.strip().matches("[A-Za-z0-9.:\\-_\\[\\]]+")) {
            problems.add("zmq.host must be a host name or address, got \"" + host + "\"");
        }
        if (port < 1 || port > 65_535) {
            problems.add("zmq.port must be a TCP port (1-65535), got " + port);
        }
        // MISP switches PLAIN on only when both are set; one alone is a configuration mistake
        if (username.isEmpty() != password.isEmpty()) {
            problems.add("zmq.username and zmq.password must be set together (MISP's ZeroMQ_username and "
                    + "ZeroMQ_password), or both left empty");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid MISP zmq configuration: " + String.join("; ", problems));
        }
        host = host.strip();
    }

    /** MISP's publisher without authentication. */
    public ZmqFeedSettings(String host, int port) {
        this(host, port, "", "");
    }

    /** MISP's defaults: {@code localhost:50000}, no authentication. */
    public static ZmqFeedSettings defaults() {
        return new ZmqFeedSettings(DEFAULT_HOST, DEFAULT_PORT);
    }

    public boolean authenticates() {
        return !username.isEmpty();
    }

    /** The endpoint the SUB socket connects to; IPv6 literals get their brackets. */
    public String endpoint() {
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return "tcp://" + (ipv6 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "ZmqFeedSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "****") + "]";
    }
}
