// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

/** A wrong command line: reported as one line, exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
