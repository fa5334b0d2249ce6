// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

/** A backbone cannot take a message right now; the bus keeps the message and tries again. */
public class BackboneUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public BackboneUnavailableException(String message) {
        super(message);
    }

    public BackboneUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
