// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import threatbus.app.zeek.broker.BrokerEndpointConfig;
import threatbus.app.zeek.broker.TransportSecurity;

/** The validated configuration of the Zeek app. */
record ZeekSettings(String host, int port, String namespace, TransportSecurity security, int maxFrameBytes,
        int peerQueueCapacity, Duration handshakeTimeout) {

    /** Validates a configuration; every problem is named by its key. */
    static ZeekSettings of(ZeekConfig config) {
        List<String> problems = new ArrayList<>();
        String host = trim(config.host());
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            problems.add("host must be an address or host name, got \"" + config.host() + "\"");
        }
        if (config.port() < 1 || config.port() > 65_535) {
            problems.add("port must be a TCP port (1-65535), got " + config.port());
        }
        String namespace = trim(config.module__namespace());
        if (!namespace.matches("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*")) {
            problems.add("module_namespace must be a Zeek module name such as Tenzir, got \""
                    + config.module__namespace() + "\"");
        }
        Path certificate = file(config.ssl__certificate(), "ssl_certificate", problems);
        Path key = file(config.ssl__keyfile(), "ssl_keyfile", problems);
        Path ca = file(config.ssl__cafile(), "ssl_cafile", problems);
        TransportSecurity security = security(config, certificate, key, ca, problems);
        if (config.max_frame_bytes() < 1024) {
            problems.add("max.frame.bytes must be at least 1024, got " + config.max_frame_bytes());
        }
        if (config.peer_queue_capacity() < 1) {
            problems.add("peer.queue.capacity must be at least 1, got " + config.peer_queue_capacity());
        }
        if (config.handshake_timeout_s() < 1) {
            problems.add("handshake.timeout.s must be at least 1, got " + config.handshake_timeout_s());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid Zeek app configuration: " + String.join("; ", problems));
        }
        return new ZeekSettings(host, config.port(), namespace, security, config.max_frame_bytes(),
                config.peer_queue_capacity(), Duration.ofSeconds(config.handshake_timeout_s()));
    }

    /** As Zeek decides: no TLS if disabled, anonymous TLS unless certificates are configured. */
    private static TransportSecurity security(ZeekConfig config, Path certificate, Path key, Path ca,
            List<String> problems) {
        boolean anyFile = certificate != null || key != null || ca != null;
        if (config.disable__ssl()) {
            if (anyFile) {
                problems.add("disable_ssl = true and ssl_certificate/ssl_keyfile/ssl_cafile contradict each other");
            }
            return TransportSecurity.PLAIN;
        }
        if (!anyFile) {
            return TransportSecurity.ANONYMOUS_TLS;
        }
        if (certificate == null || key == null || ca == null) {
            problems.add("mutual TLS needs all of ssl_certificate, ssl_keyfile and ssl_cafile");
            return TransportSecurity.ANONYMOUS_TLS;
        }
        String passphrase = config.ssl__passphrase() == null || config.ssl__passphrase().isEmpty()
                ? null : config.ssl__passphrase();
        return TransportSecurity.mutualTls(certificate, key, ca, passphrase);
    }

    BrokerEndpointConfig endpointConfig() {
        return new BrokerEndpointConfig(host, port, security, maxFrameBytes, peerQueueCapacity, handshakeTimeout);
    }

    /** An optional file: empty means not set; set means it must be a readable file. */
    private static Path file(String value, String key, List<String> problems) {
        String path = trim(value);
        if (path.isEmpty()) {
            return null;
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.add(key + " must be a readable file, got \"" + path + "\"");
        }
        return file;
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
