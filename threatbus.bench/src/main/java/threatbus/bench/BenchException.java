// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

/**
 * The server could not be reached or did not behave as the protocol says (no reply, an error
 * status, no warm-up message back): reported as one line, exit code 2.
 */
final class BenchException extends Exception {
    private static final long serialVersionUID = 1L;

    BenchException(String message) {
        super(message);
    }
}
