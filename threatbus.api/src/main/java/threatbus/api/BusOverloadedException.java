// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

/** The bus's inbox stayed full for the configured publish timeout: the message was not accepted. */
public class BusOverloadedException extends Exception {
    private static final long serialVersionUID = 1L;

    public BusOverloadedException(String message) {
        super(message);
    }
}
