// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.Optional;
import java.util.Set;

/**
 * A validated STIX 2.1 pattern. Instances are created by {@link #parse(String)}, which accepts
 * exactly the STIX 2.1 patterning grammar and additionally rejects malformed hash values and
 * duplicate qualifiers on one observation expression, as the reference validator does.
 * Instances are immutable and thread-safe.
 */
public final class StixPattern {

    private final String text;
    private final Set<String> objectTypes;
    private final int comparisonCount;
    private final boolean observationOperators;
    private final boolean qualifiers;
    private final PointIoc pointIoc;

    private StixPattern(String text, PatternFacts facts) {
        this.text = text;
        this.objectTypes = facts.objectTypes();
        this.comparisonCount = facts.comparisonCount();
        this.observationOperators = facts.hasObservationOperators();
        this.qualifiers = facts.hasQualifiers();
        this.pointIoc = facts.pointIoc();
    }

    /**
     * Parses and validates a pattern. Patterns longer than 65536 characters or nested deeper than
     * 100 levels of parentheses and brackets are rejected.
     *
     * @param pattern the pattern text
     * @return the parsed pattern
     * @throws InvalidPatternException if {@code pattern} is null or not a valid STIX 2.1 pattern
     */
    public static StixPattern parse(String pattern) throws InvalidPatternException {
        Ast.Observation root = Parser.parse(pattern);
        SemanticChecks.check(root);
        return new StixPattern(pattern, PatternFacts.of(root));
    }

    /**
     * Tells whether a text is a valid pattern; never throws.
     *
     * @param pattern the pattern text, may be null
     * @return true if {@link #parse(String)} would succeed
     */
    public static boolean isValid(String pattern) {
        try {
            parse(pattern);
            return true;
        } catch (InvalidPatternException e) {
            return false;
        }
    }

    /**
     * Returns the pattern exactly as given to {@link #parse(String)}.
     *
     * @return the pattern text
     */
    public String text() {
        return text;
    }

    /**
     * Tells whether this pattern is a point IoC; see {@link PointIoc}.
     *
     * @return true if {@link #pointIoc()} is present
     */
    public boolean isPointIoc() {
        return pointIoc != null;
    }

    /**
     * Returns the single object path and value this pattern compares, if it is a point IoC.
     *
     * @return the point IoC, or empty if this pattern is not one
     */
    public Optional<PointIoc> pointIoc() {
        return Optional.ofNullable(pointIoc);
    }

    /**
     * Returns the object types referenced by the pattern's comparisons, such as {@code file} or
     * {@code ipv4-addr}.
     *
     * @return an unmodifiable set in order of first appearance
     */
    public Set<String> objectTypes() {
        return objectTypes;
    }

    /**
     * Returns the number of comparisons (including {@code EXISTS} tests) in the pattern.
     *
     * @return the comparison count, at least 1
     */
    public int comparisonCount() {
        return comparisonCount;
    }

    /**
     * Tells whether observation expressions are combined with AND, OR or FOLLOWEDBY.
     *
     * @return true if the pattern has an observation operator
     */
    public boolean hasObservationOperators() {
        return observationOperators;
    }

    /**
     * Tells whether any observation expression carries a WITHIN, REPEATS or START/STOP qualifier.
     *
     * @return true if the pattern has a qualifier
     */
    public boolean hasQualifiers() {
        return qualifiers;
    }

    /** Two patterns are equal when their texts are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StixPattern that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Returns the pattern text. */
    @Override
    public String toString() {
        return text;
    }
}
