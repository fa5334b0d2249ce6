// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

/**
 * Input is not a valid Threat Bus message. The message says what is wrong and where, e.g.
 * {@code "created" must be a STIX timestamp such as 2021-03-04T10:00:00.000Z, got "yesterday" (at /body/created)}.
 */
public class MessageFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param problem what is wrong
     * @param path a JSON pointer to where, e.g. {@code /body/created}; empty for the whole input
     */
    public MessageFormatException(String problem, String path) {
        super(path.isEmpty() ? problem : problem + " (at " + path + ")");
        this.path = path;
    }

    /** The JSON pointer of the offending value; empty when the problem is the input as a whole. */
    public String path() {
        return path;
    }
}
