// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

/** Renders pieces of untrusted pattern text safely (short, printable) for error messages. */
final class Snippets {

    private static final int MAX_TOKEN_CHARS = 40;

    private Snippets() {}

    /** The text shortened to {@code max} characters, control characters escaped. */
    static String shorten(String text, int max) {
        int n = Math.min(text.length(), max);
        StringBuilder sb = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            sb.append(printable(text.charAt(i)));
        }
        return text.length() > max ? sb.append("...").toString() : sb.toString();
    }

    /** The text in single quotes, shortened to {@code max} characters, control characters escaped. */
    static String quote(String text, int max) {
        return "'" + shorten(text, max) + "'";
    }

    /** Token text in single quotes, shortened for messages. */
    static String quote(String text) {
        return quote(text, MAX_TOKEN_CHARS);
    }

    /** Text that carries its own quotes (a literal), shortened for messages. */
    static String literal(String text) {
        return shorten(text, MAX_TOKEN_CHARS);
    }

    /** The character at {@code p} in single quotes with its code point, or just the code point. */
    static String quoteChar(String src, int p) {
        char c = src.charAt(p);
        String hex = String.format("U+%04X", src.codePointAt(p));
        return isPlain(c) ? "'" + c + "' (" + hex + ")" : hex;
    }

    /** The character itself, or a {@code \\uXXXX} escape for control, format and similar characters. */
    static String printable(char c) {
        return isPlain(c) ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    private static boolean isPlain(char c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.UNASSIGNED:
            case Character.PRIVATE_USE:
                return false;
            default:
                return true;
        }
    }
}
