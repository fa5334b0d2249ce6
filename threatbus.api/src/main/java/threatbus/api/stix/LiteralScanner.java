// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

/**
 * Recognises the prefixed literals {@code h'..'}, {@code b'..'} and {@code t'..'}. Each method is
 * given the offset of the prefix letter (followed by a quote) and returns the end offset of the
 * literal, or -1 when the text there is not such a literal.
 */
final class LiteralScanner {

    private LiteralScanner() {}

    /** {@code h' (hex hex)* '}. */
    static int hexEnd(String s, int p) {
        int i = p + 2;
        while (i + 1 < s.length() && isHex(s.charAt(i)) && isHex(s.charAt(i + 1))) {
            i += 2;
        }
        return i < s.length() && s.charAt(i) == '\'' ? i + 1 : -1;
    }

    /** {@code b' base64 '}: groups of four, the last one possibly padded with '=' or '=='. */
    static int binaryEnd(String s, int p) {
        int i = p + 2;
        int n = 0;
        while (i < s.length() && isBase64(s.charAt(i))) {
            i++;
            n++;
        }
        int padding = 0;
        while (padding < 2 && i < s.length() && s.charAt(i) == '=') {
            i++;
            padding++;
        }
        if (i >= s.length() || s.charAt(i) != '\'') {
            return -1;
        }
        boolean complete = padding == 0 ? n >= 4 && n % 4 == 0 : n % 4 == 4 - padding;
        return complete ? i + 1 : -1;
    }

    /** {@code t'YYYY-MM-DDThh:mm:ss[.fraction]Z'} with the field ranges of the grammar. */
    static int timestampEnd(String s, int p) {
        int i = p + 2;
        if (s.length() - i < 21) {
            return -1;
        }
        for (int k = 0; k < 4; k++) {
            if (!Lexer.isDigit(s.charAt(i + k))) {
                return -1;
            }
        }
        char m0 = s.charAt(i + 5);
        char m1 = s.charAt(i + 6);
        char d0 = s.charAt(i + 8);
        char d1 = s.charAt(i + 9);
        char h0 = s.charAt(i + 11);
        char h1 = s.charAt(i + 12);
        boolean ok = s.charAt(i + 4) == '-'
                && (m0 == '0' ? in(m1, '1', '9') : m0 == '1' && in(m1, '0', '2'))
                && s.charAt(i + 7) == '-'
                && (d0 == '0' ? in(d1, '1', '9')
                        : (d0 == '1' || d0 == '2') ? Lexer.isDigit(d1) : d0 == '3' && in(d1, '0', '1'))
                && s.charAt(i + 10) == 'T'
                && ((h0 == '0' || h0 == '1') ? Lexer.isDigit(h1) : h0 == '2' && in(h1, '0', '3'))
                && s.charAt(i + 13) == ':'
                && in(s.charAt(i + 14), '0', '5') && Lexer.isDigit(s.charAt(i + 15))
                && s.charAt(i + 16) == ':'
                && isSecond(s.charAt(i + 17), s.charAt(i + 18));
        if (!ok) {
            return -1;
        }
        i += 19;
        if (s.charAt(i) == '.') {
            int digits = i + 1;
            i = digits;
            while (i < s.length() && Lexer.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return -1;
            }
        }
        return i + 1 < s.length() && s.charAt(i) == 'Z' && s.charAt(i + 1) == '\'' ? i + 2 : -1;
    }

    private static boolean isSecond(char s0, char s1) {
        return (in(s0, '0', '5') && Lexer.isDigit(s1)) || (s0 == '6' && s1 == '0');
    }

    private static boolean in(char c, char lo, char hi) {
        return c >= lo && c <= hi;
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isBase64(char c) {
        return Lexer.isIdentifierPart(c) && c != '_' || c == '+' || c == '/';
    }
}
