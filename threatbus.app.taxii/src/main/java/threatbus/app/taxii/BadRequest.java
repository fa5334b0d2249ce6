// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

/** A request the client must fix; answered with 400 and this message. */
final class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
