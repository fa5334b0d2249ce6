// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a pattern into tokens with the semantics of an ANTLR lexer for the STIX 2.1 grammar: the
 * longest match wins, and among matches of equal length the rule listed first (literals, then
 * keywords, then identifiers). Whitespace and comments are skipped. Lexing stops at the first
 * lexical problem, which becomes a trailing {@link TokenKind#ERROR} token; the parser reports it
 * only if it gets that far, so the leftmost problem is always the one reported.
 */
final class Lexer {

    private final String src;
    private final int len;
    private int pos;
    private boolean unclosedComment;

    private Lexer(String src) {
        this.src = src;
        this.len = src.length();
    }

    /** Tokenizes the whole pattern; the last token is EOF or ERROR. */
    static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        List<Token> tokens = new ArrayList<>(Math.min(1024, 8 + src.length() / 4));
        while (true) {
            lexer.skipTrivia();
            if (lexer.pos >= lexer.len) {
                tokens.add(new Token(TokenKind.EOF, lexer.len, lexer.len));
                return tokens;
            }
            Token token = lexer.next();
            tokens.add(token);
            if (token.kind() == TokenKind.ERROR) {
                return tokens;
            }
            lexer.pos = token.end();
        }
    }

    private void skipTrivia() {
        while (pos < len) {
            char c = src.charAt(pos);
            if (isWhitespace(c)) {
                pos++;
            } else if (c == '/' && pos + 1 < len && src.charAt(pos + 1) == '/') {
                pos += 2;
                while (pos < len && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < len && src.charAt(pos + 1) == '*') {
                int close = unclosedComment ? -1 : src.indexOf("*/", pos + 2);
                if (close < 0) {
                    unclosedComment = true; // no later '/*' can be closed either
                    return; // not a comment: lexes as DIVIDE
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int p = pos;
        char c = src.charAt(p);
        switch (c) {
            case '[': return single(TokenKind.LBRACK);
            case ']': return single(TokenKind.RBRACK);
            case '(': return single(TokenKind.LPAREN);
            case ')': return single(TokenKind.RPAREN);
            case ',': return single(TokenKind.COMMA);
            case ':': return single(TokenKind.COLON);
            case '*': return single(TokenKind.ASTERISK);
            case '^': return single(TokenKind.POWER_OP);
            case '/': return single(TokenKind.DIVIDE);
            case '=': return new Token(TokenKind.EQ, p, followedBy(p, '=') ? p + 2 : p + 1);
            case '!':
                return followedBy(p, '=')
                        ? new Token(TokenKind.NEQ, p, p + 2)
                        : error(p, "unexpected character '!' (use '!=' or '<>' for inequality)");
            case '<':
                if (followedBy(p, '=')) {
                    return new Token(TokenKind.LE, p, p + 2);
                }
                return followedBy(p, '>') ? new Token(TokenKind.NEQ, p, p + 2) : single(TokenKind.LT);
            case '>': return followedBy(p, '=') ? new Token(TokenKind.GE, p, p + 2) : single(TokenKind.GT);
            case '\'': return string(p);
            case '.':
                return p + 1 < len && isDigit(src.charAt(p + 1)) ? number(p) : single(TokenKind.DOT);
            default:
                break;
        }
        if (c == '+' || c == '-' || isDigit(c)) {
            return number(p);
        }
        if (isIdentifierStart(c)) {
            return word(p);
        }
        return error(p, "unexpected character " + Snippets.quoteChar(src, p));
    }

    private Token single(TokenKind kind) {
        return new Token(kind, pos, pos + 1);
    }

    private boolean followedBy(int p, char c) {
        return p + 1 < len && src.charAt(p + 1) == c;
    }

    private static Token error(int p, String problem) {
        return new Token(TokenKind.ERROR, p, p + 1, problem);
    }

    /** Integer or float literal, or a lone sign (PLUS / MINUS). */
    private Token number(int p) {
        char first = src.charAt(p);
        boolean negative = first == '-';
        int i = (first == '+' || first == '-') ? p + 1 : p;
        int intEnd = -1;
        if (i < len && isDigit(src.charAt(i))) {
            intEnd = src.charAt(i) == '0' ? i + 1 : digitsEnd(i);
        }
        int j = digitsEnd(i);
        if (j + 1 < len && src.charAt(j) == '.' && isDigit(src.charAt(j + 1))) {
            int floatEnd = digitsEnd(j + 1);
            return new Token(negative ? TokenKind.FLOAT_NEG : TokenKind.FLOAT_POS, p, floatEnd);
        }
        if (intEnd > 0) {
            return new Token(negative ? TokenKind.INT_NEG : TokenKind.INT_POS, p, intEnd);
        }
        return new Token(negative ? TokenKind.MINUS : TokenKind.PLUS, p, p + 1);
    }

    private int digitsEnd(int i) {
        while (i < len && isDigit(src.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Keyword, boolean, identifier, or a prefixed literal {@code h'..'}, {@code b'..'}, {@code t'..'}. */
    private Token word(int p) {
        char c = src.charAt(p);
        if (p + 1 < len && src.charAt(p + 1) == '\'') {
            int end = -1;
            if (c == 'h') {
                end = LiteralScanner.hexEnd(src, p);
            } else if (c == 'b') {
                end = LiteralScanner.binaryEnd(src, p);
            } else if (c == 't') {
                end = LiteralScanner.timestampEnd(src, p);
            }
            if (end > 0) {
                TokenKind kind = c == 'h' ? TokenKind.HEX : c == 'b' ? TokenKind.BINARY : TokenKind.TIMESTAMP;
                return new Token(kind, p, end);
            }
        }
        int i = p + 1;
        while (i < len && isIdentifierPart(src.charAt(i))) {
            i++;
        }
        int plainEnd = i;
        while (i < len && (isIdentifierPart(src.charAt(i)) || src.charAt(i) == '-')) {
            i++;
        }
        if (i > plainEnd) {
            return new Token(TokenKind.IDENTIFIER_WITH_HYPHEN, p, i);
        }
        TokenKind keyword = i - p <= 10 ? TokenKind.keyword(src.substring(p, i)) : null;
        return new Token(keyword != null ? keyword : TokenKind.IDENTIFIER, p, i);
    }

    /** A string literal; only {@code \'} and {@code \\} escapes are legal. */
    private Token string(int p) {
        int i = p + 1;
        while (i < len) {
            char c = src.charAt(i);
            if (c == '\'') {
                return new Token(TokenKind.STRING, p, i + 1);
            }
            if (c == '\\') {
                if (i + 1 >= len) {
                    break;
                }
                char e = src.charAt(i + 1);
                if (e != '\'' && e != '\\') {
                    return error(i, "invalid escape sequence '\\" + Snippets.printable(e)
                            + "' in string literal (only \\' and \\\\ are allowed)");
                }
                i += 2;
            } else {
                i++;
            }
        }
        return error(p, "unterminated string literal");
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    static boolean isWhitespace(char c) {
        switch (c) {
            case ' ': case '\t': case '\r': case '\n': case '\u000B': case '\u000C':
            case '\u0085': case '\u00a0': case '\u1680': case '\u2028': case '\u2029':
            case '\u202f': case '\u205f': case '\u3000':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200a';
        }
    }
}
