// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** How values are named in messages: strings quoted, the rest by kind; always on one line. */
final class Values {

    /** Enough to recognise a mistyped value; a whole mistyped document is not repeated. */
    private static final int SHOWN_CHARACTERS = 80;

    private Values() {
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }

    /** In double quotes, line breaks and other control characters escaped, long texts shortened. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(text.length(), SHOWN_CHARACTERS);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"', '\\' -> out.append('\\').append(c);
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (text.length() > shown) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte;
    }
}
