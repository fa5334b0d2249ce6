// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.Objects;
import java.util.Optional;

/**
 * A point indicator of compromise: a valid pattern consisting of exactly one equality comparison,
 * such as {@code [ipv4-addr:value = '6.6.6.6']} or {@code [file:hashes.'SHA-256' = '...']}.
 *
 * <p>A pattern is a point IoC when it has no observation operators (AND, OR, FOLLOWEDBY), no
 * qualifiers, exactly one comparison in total, and that comparison is written with {@code =}
 * (not {@code ==}, {@code !=} or {@code <>}) and without NOT. Parentheses around the comparison
 * or the observation are allowed. Unlike earlier implementations, which looked only at the first
 * comparison, a pattern such as {@code [ipv4-addr:value = '1' AND ipv4-addr:value = '2']} is
 * <em>not</em> a point IoC; and string values are returned with their escapes undone.
 */
public final class PointIoc {

    private final String objectPath;
    private final String value;
    private final boolean stringValue;

    PointIoc(String objectPath, String value, boolean stringValue) {
        this.objectPath = Objects.requireNonNull(objectPath);
        this.value = Objects.requireNonNull(value);
        this.stringValue = stringValue;
    }

    /**
     * Splits a pattern into its point IoC, if it is one.
     *
     * @param pattern the pattern text, may be null
     * @return the point IoC, or empty if the pattern is null, invalid or not a point IoC
     */
    public static Optional<PointIoc> of(String pattern) {
        try {
            return StixPattern.parse(pattern).pointIoc();
        } catch (InvalidPatternException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the compared object path without whitespace, e.g. {@code domain-name:value},
     * {@code file:hashes.'SHA-1'} (quoted steps keep their quotes as written) or
     * {@code file:hashes[*]}.
     *
     * @return the object path
     */
    public String objectPath() {
        return objectPath;
    }

    /**
     * Returns the compared value: for a string literal its contents with {@code \'} and {@code \\}
     * unescaped, for any other literal its text as written ({@code 1280}, {@code true},
     * {@code h'ff'}, {@code t'2020-01-01T00:00:00Z'}).
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    /**
     * Tells whether the value was a string literal.
     *
     * @return true for a string literal, false for numbers, booleans, binary, hex and timestamps
     */
    public boolean isStringValue() {
        return stringValue;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PointIoc that && stringValue == that.stringValue
                && objectPath.equals(that.objectPath) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(objectPath, value, stringValue);
    }

    /** Returns the comparison as pattern text, e.g. {@code [ipv4-addr:value = '6.6.6.6']}. */
    @Override
    public String toString() {
        String literal = stringValue
                ? "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'" : value;
        return "[" + objectPath + " = " + literal + "]";
    }
}
