// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

/**
 * Thrown when a text is not a valid STIX 2.1 pattern, either syntactically or because it fails a
 * semantic check (malformed hash value, duplicate qualifier). The message says what is wrong and,
 * when the problem has a location, starts with its 1-based column, e.g.
 * {@code column 14: expected a literal value after '=', found ']'}.
 */
public final class InvalidPatternException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    InvalidPatternException(int position, String problem) {
        super(position >= 0 ? "column " + (position + 1) + ": " + problem : problem);
        this.position = position;
    }

    /**
     * Returns the 0-based character offset in the pattern where the problem was found.
     *
     * @return the offset, or -1 when the problem concerns the pattern as a whole
     */
    public int position() {
        return position;
    }
}
