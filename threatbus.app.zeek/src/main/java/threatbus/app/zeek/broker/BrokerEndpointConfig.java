// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a {@link BrokerEndpoint} listens.
 *
 * @param host address to bind, e.g. "127.0.0.1" or "0.0.0.0"
 * @param port TCP port; 0 picks a free one ({@link BrokerEndpoint#port()} tells which)
 * @param security transport protection; must match Zeek's {@code Broker::disable_ssl} and certificate settings
 * @param maxFrameBytes largest frame accepted or sent; larger input closes the connection
 * @param writerQueueCapacity data messages queued per peer before {@link BrokerPeer#send} reports QUEUE_FULL
 * @param handshakeTimeout limit for TLS plus Broker handshake of one connection
 */
public record BrokerEndpointConfig(String host, int port, TransportSecurity security, int maxFrameBytes,
        int writerQueueCapacity, Duration handshakeTimeout) {

    /** Threat Bus's Zeek port. */
    public static final int DEFAULT_PORT = 47761;

    /** Enough for any Threat Bus message; Broker itself allows up to 2 GiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /** Smallest allowed limit: every handshake message and envelope header must fit. */
    static final int MIN_FRAME_BYTES = 64;

    public BrokerEndpointConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxFrameBytes < MIN_FRAME_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes below " + MIN_FRAME_BYTES + ": " + maxFrameBytes);
        }
        if (writerQueueCapacity < 1) {
            throw new IllegalArgumentException("writerQueueCapacity must be positive: " + writerQueueCapacity);
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
        }
    }

    /**
     * What the original Threat Bus plugin used: 127.0.0.1:47761 with Broker's default anonymous TLS; 16 MiB
     * frames, 1024 queued messages per peer, 10 s handshake timeout.
     */
    public static BrokerEndpointConfig defaults() {
        return new BrokerEndpointConfig("127.0.0.1", DEFAULT_PORT, TransportSecurity.ANONYMOUS_TLS,
                DEFAULT_MAX_FRAME_BYTES, 1024, Duration.ofSeconds(10));
    }

    public BrokerEndpointConfig withHost(String newHost) {
        return new BrokerEndpointConfig(newHost, port, security, maxFrameBytes, writerQueueCapacity, handshakeTimeout);
    }

    public BrokerEndpointConfig withPort(int newPort) {
        return new BrokerEndpointConfig(host, newPort, security, maxFrameBytes, writerQueueCapacity, handshakeTimeout);
    }

    public BrokerEndpointConfig withSecurity(TransportSecurity newSecurity) {
        return new BrokerEndpointConfig(host, port, newSecurity, maxFrameBytes, writerQueueCapacity, handshakeTimeout);
    }

    public BrokerEndpointConfig withMaxFrameBytes(int bytes) {
        return new BrokerEndpointConfig(host, port, security, bytes, writerQueueCapacity, handshakeTimeout);
    }

    public BrokerEndpointConfig withWriterQueueCapacity(int capacity) {
        return new BrokerEndpointConfig(host, port, security, maxFrameBytes, capacity, handshakeTimeout);
    }

    public BrokerEndpointConfig withHandshakeTimeout(Duration timeout) {
        return new BrokerEndpointConfig(host, port, security, maxFrameBytes, writerQueueCapacity, timeout);
    }
}
