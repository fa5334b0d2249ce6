// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.util.List;

/**
 * Phase 1 and 2 messages of Broker's peering handshake ({@code internal/wire_format.hh}). Decoding has
 * already applied Broker's checks (magic number, version), so these carry only what is left to act on.
 */
public sealed interface HandshakeMessage {

    /** Broker's magic number, ASCII "ZEEK". */
    int MAGIC = 0x5A45454B;

    /** The only protocol version there is. */
    int PROTOCOL_VERSION = 1;

    /** Sent by the side that opened the connection, and by the acceptor if its ID is not the smaller one. */
    record Hello(EndpointId sender, int minVersion, int maxVersion) implements HandshakeMessage {
        public Hello(EndpointId sender) {
            this(sender, PROTOCOL_VERSION, PROTOCOL_VERSION);
        }
    }

    /** Sent by the acceptor right away, only to provoke early errors; ignored by the receiver. */
    record Probe() implements HandshakeMessage {
    }

    /** Sent by the originator (the smaller ID) to start phase 2. */
    record VersionSelect(EndpointId sender, int version) implements HandshakeMessage {
        public VersionSelect(EndpointId sender) {
            this(sender, PROTOCOL_VERSION);
        }
    }

    /** Aborts the handshake with a {@code broker::ec} code. */
    record DropConn(EndpointId sender, BrokerError code, String description) implements HandshakeMessage {
    }

    /** The originator's filter, in wire order (Broker's {@code filter_type} is a vector). */
    record OriginatorSyn(List<String> filter) implements HandshakeMessage {
        public OriginatorSyn {
            filter = List.copyOf(filter);
        }
    }

    /** The responder's filter, in wire order. */
    record ResponderSynAck(List<String> filter) implements HandshakeMessage {
        public ResponderSynAck {
            filter = List.copyOf(filter);
        }
    }

    /** Concludes the handshake; from here on only phase-3 envelopes follow. */
    record OriginatorAck() implements HandshakeMessage {
    }
}
