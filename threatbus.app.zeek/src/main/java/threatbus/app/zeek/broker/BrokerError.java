// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.util.Optional;

/**
 * Broker's error codes ({@code broker::ec}); {@code drop_conn} carries one as a single byte, so the numbers
 * are part of the wire protocol and must not be reordered.
 */
public enum BrokerError {
    NONE(0),
    UNSPECIFIED(1),
    PEER_INCOMPATIBLE(2),
    PEER_INVALID(3),
    PEER_UNAVAILABLE(4),
    PEER_DISCONNECT_DURING_HANDSHAKE(5),
    PEER_TIMEOUT(6),
    MASTER_EXISTS(7),
    NO_SUCH_MASTER(8),
    NO_SUCH_KEY(9),
    REQUEST_TIMEOUT(10),
    TYPE_CLASH(11),
    INVALID_DATA(12),
    BACKEND_FAILURE(13),
    STALE_DATA(14),
    CANNOT_OPEN_FILE(15),
    CANNOT_WRITE_FILE(16),
    INVALID_TOPIC_KEY(17),
    END_OF_FILE(18),
    INVALID_TAG(19),
    INVALID_MESSAGE(20),
    INVALID_STATUS(21),
    CONVERSION_FAILED(22),
    CONSUMER_EXISTS(23),
    CONNECTION_TIMEOUT(24),
    BAD_MEMBER_FUNCTION_CALL(25),
    REPEATED_REQUEST_ID(26),
    BROKEN_CLONE(27),
    SHUTTING_DOWN(28),
    INVALID_PEERING_REQUEST(29),
    REPEATED_PEERING_HANDSHAKE_REQUEST(30),
    UNEXPECTED_HANDSHAKE_MESSAGE(31),
    INVALID_HANDSHAKE_STATE(32),
    NO_PATH_TO_PEER(33),
    NO_CONNECTOR_AVAILABLE(34),
    CANNOT_OPEN_RESOURCE(35),
    SERIALIZATION_FAILED(36),
    DESERIALIZATION_FAILED(37),
    WRONG_MAGIC_NUMBER(38),
    REDUNDANT_CONNECTION(39),
    LOGIC_ERROR(40),
    INVALID_JSON(41);

    private static final BrokerError[] BY_CODE = values();

    private final int code;

    BrokerError(int code) {
        this.code = code;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The error with that number, if Broker defines one. */
    public static Optional<BrokerError> of(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
