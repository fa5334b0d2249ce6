// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import java.util.Objects;

/**
 * A MISP message that cannot be turned into an indicator. The {@link #cause()} lets callers count rejections by
 * kind; the message says what was wrong and where, and quotes at most a short, escaped piece of the input.
 */
public final class MispMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a message was rejected. */
    public enum Cause {
        /** Not a JSON document, or not a JSON object. */
        NOT_JSON,
        /** Larger or more deeply nested than the reader accepts. */
        TOO_LARGE,
        /** No {@code Attribute} object. */
        NO_ATTRIBUTE,
        /** An {@code action} other than add, edit, soft-delete and delete. */
        UNKNOWN_ACTION,
        /** A field of the wrong JSON type, e.g. an object where a string belongs. */
        WRONG_TYPE,
        /** A required field is absent, null or empty. */
        MISSING_FIELD,
        /** A field has the right type but an unusable value: a malformed uuid, timestamp, hash or AS number. */
        INVALID_VALUE,
        /** The attribute type has no STIX pattern mapping (e.g. {@code comment}, {@code text}, {@code port}). */
        UNMAPPABLE_TYPE
    }

    private final Cause cause;

    public MispMessageException(Cause cause, String message) {
        super(message);
        this.cause = Objects.requireNonNull(cause);
    }

    public MispMessageException(Cause cause, String message, Throwable reason) {
        super(message, reason);
        this.cause = Objects.requireNonNull(cause);
    }

    /** The kind of problem; never null. Named {@code cause()}, not {@code getCause()}, which stays the throwable. */
    public Cause cause() {
        return cause;
    }

    @Override
    public String getMessage() {
        return cause + ": " + super.getMessage();
    }
}
