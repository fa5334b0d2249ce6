// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** How values are named in messages: strings quoted, the rest by kind. */
final class Values {

    private Values() {
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }

    static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte;
    }
}
