// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

/** The token types of the STIX 2.1 patterning language. */
enum TokenKind {
    INT_POS,
    INT_NEG,
    FLOAT_POS,
    FLOAT_NEG,
    HEX,
    BINARY,
    STRING,
    BOOL,
    TIMESTAMP,
    AND,
    OR,
    NOT,
    FOLLOWEDBY,
    LIKE,
    MATCHES,
    ISSUPERSET,
    ISSUBSET,
    EXISTS,
    LAST,
    IN,
    START,
    STOP,
    SECONDS,
    WITHIN,
    REPEATS,
    TIMES,
    IDENTIFIER,
    IDENTIFIER_WITH_HYPHEN,
    EQ,
    NEQ,
    LT,
    LE,
    GT,
    GE,
    QUOTE,
    COLON,
    DOT,
    COMMA,
    LPAREN,
    RPAREN,
    LBRACK,
    RBRACK,
    PLUS,
    MINUS,
    POWER_OP,
    DIVIDE,
    ASTERISK,
    /** A lexical error; the token carries the problem description. */
    ERROR,
    EOF;

    /** Returns the keyword kind spelled exactly {@code word}, or null. Keywords are case-sensitive. */
    static TokenKind keyword(String word) {
        switch (word) {
            case "AND": return AND;
            case "OR": return OR;
            case "NOT": return NOT;
            case "FOLLOWEDBY": return FOLLOWEDBY;
            case "LIKE": return LIKE;
            case "MATCHES": return MATCHES;
            case "ISSUPERSET": return ISSUPERSET;
            case "ISSUBSET": return ISSUBSET;
            case "EXISTS": return EXISTS;
            case "LAST": return LAST;
            case "IN": return IN;
            case "START": return START;
            case "STOP": return STOP;
            case "SECONDS": return SECONDS;
            case "WITHIN": return WITHIN;
            case "REPEATS": return REPEATS;
            case "TIMES": return TIMES;
            case "true":
            case "false":
                return BOOL;
            default: return null;
        }
    }

    /** Whether a token of this kind can be the value of a {@code <}, {@code >} etc. comparison. */
    boolean isOrderableLiteral() {
        switch (this) {
            case INT_POS: case INT_NEG: case FLOAT_POS: case FLOAT_NEG:
            case STRING: case BINARY: case HEX: case TIMESTAMP:
                return true;
            default:
                return false;
        }
    }

    /** Whether a token of this kind can be the value of an {@code =} or {@code !=} comparison. */
    boolean isPrimitiveLiteral() {
        return this == BOOL || isOrderableLiteral();
    }
}
