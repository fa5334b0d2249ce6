// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

/** A Zeek event of a known name whose arguments do not fit it; the message says which and how. */
final class InvalidEventException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidEventException(String message) {
        super(message);
    }
}
