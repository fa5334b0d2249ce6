// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.util.Optional;

/** Broker's {@code envelope_type}: the phase-3 message kinds, with their numbers on the wire. */
public enum EnvelopeType {
    DATA(MessageType.DATA),
    COMMAND(MessageType.COMMAND),
    ROUTING_UPDATE(MessageType.ROUTING_UPDATE),
    PING(MessageType.PING),
    PONG(MessageType.PONG);

    private final int code;

    EnvelopeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<EnvelopeType> of(int code) {
        return code >= 1 && code <= 5 ? Optional.of(values()[code - 1]) : Optional.empty();
    }
}
