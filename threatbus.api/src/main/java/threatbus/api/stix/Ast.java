// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.List;

/**
 * The syntax tree of a parsed pattern. Chains of one operator are kept flat (n-ary) so the depth
 * of the tree is bounded by the nesting of parentheses and brackets, not by the pattern length.
 */
final class Ast {

    private Ast() {}

    /** An observation expression. */
    sealed interface Observation permits ObservationOp, Bracketed, Grouped {}

    /** The operators between observation expressions, loosest binding first. */
    enum ObservationOperator { FOLLOWEDBY, OR, AND }

    /** Two or more observation expressions joined by one operator. */
    record ObservationOp(ObservationOperator operator, List<Observation> operands)
            implements Observation {}

    /** {@code [ comparison ]} followed by zero or more qualifiers. */
    record Bracketed(Comparison comparison, List<Qualifier> qualifiers) implements Observation {}

    /** {@code ( observations )} followed by zero or more qualifiers. */
    record Grouped(Observation inner, List<Qualifier> qualifiers) implements Observation {}

    /** The kinds of qualifier. */
    enum QualifierKind {
        WITHIN("WITHIN"),
        REPEATS("REPEATS"),
        START_STOP("START ... STOP");

        final String label;

        QualifierKind(String label) {
            this.label = label;
        }
    }

    /** A qualifier; {@code position} is the offset of its first keyword. */
    record Qualifier(QualifierKind kind, int position) {}

    /** A comparison expression (inside brackets). Parentheses leave no node of their own. */
    sealed interface Comparison permits ComparisonOp, PropertyTest, Exists {}

    /** Two or more comparisons joined by AND ({@code conjunction}) or OR. */
    record ComparisonOp(boolean conjunction, List<Comparison> operands) implements Comparison {}

    /**
     * {@code path [NOT] operator value}; {@code operator} is the operator as written ({@code =},
     * {@code ==}, {@code IN}, ...), {@code value} a {@link Literal} or, for IN, a {@link SetLiteral}.
     */
    record PropertyTest(ObjectPath path, boolean negated, String operator, Value value)
            implements Comparison {}

    /** {@code EXISTS path}. */
    record Exists(ObjectPath path) implements Comparison {}

    /**
     * An object path: the object type and the property steps after the colon. The first step is
     * always a key.
     */
    record ObjectPath(String objectType, List<PathStep> steps) {

        /** The path as written, without whitespace or comments. */
        String render() {
            StringBuilder sb = new StringBuilder(objectType).append(':');
            for (int i = 0; i < steps.size(); i++) {
                PathStep step = steps.get(i);
                if (step.isIndex()) {
                    sb.append('[').append(step.text()).append(']');
                } else {
                    if (i > 0) {
                        sb.append('.');
                    }
                    sb.append(step.text());
                }
            }
            return sb.toString();
        }
    }

    /**
     * One step of an object path: a key ({@code text} as written, {@code key} its name with quotes
     * and escapes removed) or an index ({@code text} the number or {@code *}, {@code key} null).
     */
    record PathStep(String text, String key) {

        boolean isIndex() {
            return key == null;
        }
    }

    /** The right-hand side of a comparison. */
    sealed interface Value permits Literal, SetLiteral {}

    /**
     * A literal: its token kind, its text as written, its value (for strings the contents with
     * escapes undone, otherwise the text) and the offset where it starts.
     */
    record Literal(TokenKind kind, String text, String value, int position) implements Value {

        boolean isString() {
            return kind == TokenKind.STRING;
        }
    }

    /** {@code ( literal, ... )}, possibly empty. */
    record SetLiteral(List<Literal> elements) implements Value {}

    /** The contents of a string literal token's text, quotes removed and escapes undone. */
    static String unquote(String stringToken) {
        String body = stringToken.substring(1, stringToken.length() - 1);
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
