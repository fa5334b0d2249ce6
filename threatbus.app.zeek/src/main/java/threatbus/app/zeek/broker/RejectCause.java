// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

/** Why the endpoint turned away a connection before it became a peering. */
public enum RejectCause {
    /** Too many handshakes under way at once. */
    OVERLOAD,
    /** The TLS handshake failed. */
    TLS_FAILED,
    /** TLS plus Broker handshake took longer than the configured timeout. */
    TIMEOUT,
    /** The connection closed or failed during the handshake. */
    DISCONNECTED,
    FRAMING,
    MALFORMED,
    WRONG_MAGIC,
    INCOMPATIBLE_VERSION,
    UNEXPECTED_MESSAGE,
    REDUNDANT_CONNECTION,
    /** The connector sent {@code drop_conn}. */
    DROPPED_BY_REMOTE,
    /** The endpoint was closing. */
    SHUTTING_DOWN;

    static RejectCause of(BrokerProtocolException.Kind kind) {
        return switch (kind) {
            case FRAMING -> FRAMING;
            case MALFORMED -> MALFORMED;
            case WRONG_MAGIC -> WRONG_MAGIC;
            case INCOMPATIBLE_VERSION -> INCOMPATIBLE_VERSION;
            case UNEXPECTED_MESSAGE -> UNEXPECTED_MESSAGE;
            case REDUNDANT_CONNECTION -> REDUNDANT_CONNECTION;
            case DROPPED_BY_REMOTE -> DROPPED_BY_REMOTE;
        };
    }
}
