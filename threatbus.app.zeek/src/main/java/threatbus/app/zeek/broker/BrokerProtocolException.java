// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.util.Optional;

/**
 * Input that breaks Broker's wire protocol. Says what kind of problem it is and, where Broker answers such
 * input with {@code drop_conn} during the handshake, which error code to send.
 */
public final class BrokerProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong; the endpoint counts rejected connections by it. */
    public enum Kind {
        /** Bad length prefix: zero, over the limit, or the stream ends inside a frame. */
        FRAMING,
        /** A frame whose content cannot be decoded. */
        MALFORMED,
        WRONG_MAGIC,
        INCOMPATIBLE_VERSION,
        /** A well-formed message that the current handshake state does not allow. */
        UNEXPECTED_MESSAGE,
        /** A peering with the same endpoint already exists or is being set up. */
        REDUNDANT_CONNECTION,
        /** The remote sent {@code drop_conn}. */
        DROPPED_BY_REMOTE
    }

    private final Kind kind;
    private final transient BrokerError dropCode;

    public BrokerProtocolException(Kind kind, String message) {
        this(kind, message, null);
    }

    public BrokerProtocolException(Kind kind, String message, BrokerError dropCode) {
        super(message);
        this.kind = kind;
        this.dropCode = dropCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The {@code drop_conn} code to send before closing, where the protocol has one. */
    public Optional<BrokerError> dropCode() {
        return Optional.ofNullable(dropCode);
    }
}
