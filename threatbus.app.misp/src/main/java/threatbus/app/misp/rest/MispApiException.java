// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * MISP did not do what was asked. The message never contains the API key.
 */
public final class MispApiException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether trying the same request again later can succeed. */
    public enum Kind {
        /** Connection refused or reset, timeouts, HTTP 5xx, 429: try again later. */
        TRANSIENT,
        /** Authentication, permissions, unknown attribute, MISP error bodies: the same request fails again. */
        PERMANENT
    }

    private final Kind kind;
    private final int status;
    private final String mispMessage;

    /**
     * @param kind whether a retry can help
     * @param status the HTTP status, or 0 if there was no HTTP response
     * @param mispMessage what MISP said ({@code message}, {@code errors}), or a description of the failure
     */
    public MispApiException(Kind kind, int status, String mispMessage, Throwable cause) {
        super(describe(kind, status, mispMessage), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.mispMessage = Objects.requireNonNull(mispMessage, "mispMessage");
    }

    public MispApiException(Kind kind, int status, String mispMessage) {
        this(kind, status, mispMessage, null);
    }

    private static String describe(Kind kind, int status, String mispMessage) {
        return (status == 0 ? "" : "HTTP " + status + ": ") + mispMessage + " (" + kind.name().toLowerCase() + ")";
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, if MISP answered at all. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** What MISP said, or what went wrong on the way. */
    public String mispMessage() {
        return mispMessage;
    }
}
