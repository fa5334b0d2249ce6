// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.List;
import java.util.Locale;

/**
 * Builds syntax error messages: what was expected after which token, what was found, and a hint
 * where a common mistake is recognisable (keyword in the wrong case, unquoted string, malformed
 * hex, binary or timestamp literal).
 */
final class SyntaxErrors {

    private final String src;
    private final List<Token> tokens;

    SyntaxErrors(String src, List<Token> tokens) {
        this.src = src;
        this.tokens = tokens;
    }

    /** The error for a pattern whose first token is not '[' or '('. */
    InvalidPatternException badStart() {
        Token first = tokens.get(0);
        if (first.kind() == TokenKind.ERROR) {
            return new InvalidPatternException(first.start(), first.problem());
        }
        String hint = hint(first);
        if (hint.isEmpty() && Parser.isIdentifier(first.kind())) {
            hint = " (comparisons must be enclosed in '[' and ']')";
        }
        return new InvalidPatternException(first.start(),
                "a pattern must start with '[' or '(', found " + describe(first) + hint);
    }

    /**
     * The error for the token at {@code index}, which is not {@code what}; {@code fallbackHint} is
     * appended when no more specific hint applies.
     */
    InvalidPatternException expected(int index, String what, String fallbackHint) {
        Token found = tokens.get(index);
        if (found.kind() == TokenKind.ERROR) {
            return new InvalidPatternException(found.start(), found.problem());
        }
        String malformed = malformedLiteral(index);
        if (malformed != null) {
            return new InvalidPatternException(found.start(), malformed);
        }
        StringBuilder message = new StringBuilder("expected ").append(what);
        if (index > 0) {
            message.append(" after ").append(describe(tokens.get(index - 1)));
        }
        String hint = hint(found);
        message.append(", found ").append(describe(found)).append(hint.isEmpty() ? fallbackHint : hint);
        return new InvalidPatternException(found.start(), message.toString());
    }

    private String text(Token t) {
        return src.substring(t.start(), t.end());
    }

    private String describe(Token t) {
        switch (t.kind()) {
            case EOF:
                return "the end of the pattern";
            case STRING: case HEX: case BINARY: case TIMESTAMP:
                return Snippets.literal(text(t));
            default:
                return Snippets.quote(text(t));
        }
    }

    /** A hint for identifiers that are keywords or booleans written in the wrong case. */
    private String hint(Token t) {
        if (!Parser.isIdentifier(t.kind()) || t.end() - t.start() > 10) {
            return "";
        }
        String upper = text(t).toUpperCase(Locale.ROOT);
        if (TokenKind.keyword(upper) != null) {
            return " (keywords are case-sensitive: did you mean '" + upper + "'?)";
        }
        String lower = text(t).toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false")
                ? " (booleans are written 'true' and 'false')" : "";
    }

    /**
     * An identifier {@code h}, {@code b} or {@code t} directly followed by a string is a hex,
     * binary or timestamp literal that failed to lex; describes that, or returns null.
     */
    private String malformedLiteral(int index) {
        Token t = tokens.get(index);
        Token next = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        if (t.kind() != TokenKind.IDENTIFIER || t.end() != t.start() + 1 || next == null
                || next.kind() != TokenKind.STRING || next.start() != t.end()) {
            return null;
        }
        String literal = Snippets.literal(src.substring(t.start(), next.end()));
        switch (src.charAt(t.start())) {
            case 'h':
                return "malformed hex literal " + literal + " (expected an even number of hex digits)";
            case 'b':
                return "malformed binary literal " + literal + " (expected base64 with correct padding)";
            case 't':
                return "malformed timestamp literal " + literal
                        + " (expected t'YYYY-MM-DDThh:mm:ss[.fraction]Z' with valid field ranges)";
            default:
                return null;
        }
    }
}
