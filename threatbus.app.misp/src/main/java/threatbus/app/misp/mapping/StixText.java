// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

/** Builds STIX pattern text: string literals, comparisons and observation expressions. */
final class StixText {

    private StixText() {
    }

    /** A STIX string literal: single quotes, with {@code \} and {@code '} escaped (the grammar's only escapes). */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** {@code path = 'value'}. */
    static String comparison(String objectPath, String value) {
        return objectPath + " = " + literal(value);
    }

    /** One observation expression over comparisons that all describe the same object: {@code [a AND b]}. */
    static String observation(String... comparisons) {
        return "[" + String.join(" AND ", comparisons) + "]";
    }

    /** The point pattern {@code [path = 'value']}. */
    static String point(String objectPath, String value) {
        return observation(comparison(objectPath, value));
    }
}
