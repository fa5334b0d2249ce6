// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.ArrayList;
import java.util.List;
import threatbus.api.stix.Ast.Comparison;
import threatbus.api.stix.Ast.ComparisonOp;
import threatbus.api.stix.Ast.Exists;
import threatbus.api.stix.Ast.Literal;
import threatbus.api.stix.Ast.ObjectPath;
import threatbus.api.stix.Ast.Observation;
import threatbus.api.stix.Ast.ObservationOp;
import threatbus.api.stix.Ast.ObservationOperator;
import threatbus.api.stix.Ast.PathStep;
import threatbus.api.stix.Ast.PropertyTest;
import threatbus.api.stix.Ast.Qualifier;
import threatbus.api.stix.Ast.QualifierKind;
import threatbus.api.stix.Ast.SetLiteral;
import threatbus.api.stix.Ast.Value;

/**
 * Recursive-descent parser for the STIX 2.1 patterning grammar. Binary operators are parsed as
 * flat chains (they are left-associative), and nesting of parentheses and brackets is capped so
 * hostile input cannot exhaust the stack.
 */
final class Parser {

    /** The deepest nesting of parentheses and brackets accepted. */
    static final int MAX_DEPTH = 100;

    /** The longest pattern accepted, in characters. */
    static final int MAX_LENGTH = 64 * 1024;

    private static final String OPERATORS =
            "a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)";
    private static final String AFTER_OBSERVATION = "AND, OR, FOLLOWEDBY, WITHIN, REPEATS, START";

    private final String src;
    private final List<Token> tokens;
    private final SyntaxErrors errors;
    private int index;
    private int depth;

    private Parser(String src) {
        this.src = src;
        this.tokens = Lexer.tokenize(src);
        this.errors = new SyntaxErrors(src, tokens);
    }

    /** Parses a whole pattern into its observation tree; checks syntax only. */
    static Observation parse(String pattern) throws InvalidPatternException {
        if (pattern == null) {
            throw new InvalidPatternException(-1, "the pattern is null");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw new InvalidPatternException(-1, "the pattern is " + pattern.length()
                    + " characters long; at most " + MAX_LENGTH + " are accepted");
        }
        return new Parser(pattern).pattern();
    }

    private Observation pattern() throws InvalidPatternException {
        Token first = peek();
        if (first.kind() == TokenKind.EOF) {
            throw new InvalidPatternException(0, "the pattern is empty");
        }
        if (first.kind() != TokenKind.LBRACK && first.kind() != TokenKind.LPAREN) {
            throw errors.badStart();
        }
        Observation root = observations(ObservationOperator.FOLLOWEDBY);
        if (peek().kind() != TokenKind.EOF) {
            throw expected(AFTER_OBSERVATION + " or the end of the pattern");
        }
        return root;
    }

    // ---- observation expressions ----------------------------------------------------------------

    private Observation observations(ObservationOperator operator) throws InvalidPatternException {
        TokenKind kind = operator == ObservationOperator.FOLLOWEDBY ? TokenKind.FOLLOWEDBY
                : operator == ObservationOperator.OR ? TokenKind.OR : TokenKind.AND;
        Observation first = observationOperand(operator);
        if (peek().kind() != kind) {
            return first;
        }
        List<Observation> operands = new ArrayList<>();
        operands.add(first);
        while (accept(kind)) {
            operands.add(observationOperand(operator));
        }
        return new ObservationOp(operator, List.copyOf(operands));
    }

    private Observation observationOperand(ObservationOperator operator)
            throws InvalidPatternException {
        switch (operator) {
            case FOLLOWEDBY: return observations(ObservationOperator.OR);
            case OR: return observations(ObservationOperator.AND);
            default: return observation();
        }
    }

    private Observation observation() throws InvalidPatternException {
        Token open = peek();
        if (open.kind() == TokenKind.LBRACK) {
            enter(open);
            Comparison comparison = comparisons(false);
            expect(TokenKind.RBRACK, "AND, OR or ']'");
            depth--;
            return new Ast.Bracketed(comparison, qualifiers());
        }
        if (open.kind() == TokenKind.LPAREN) {
            enter(open);
            Observation inner = observations(ObservationOperator.FOLLOWEDBY);
            expect(TokenKind.RPAREN, AFTER_OBSERVATION + " or ')'");
            depth--;
            return new Ast.Grouped(inner, qualifiers());
        }
        throw expected("'[' or '(' to start an observation expression");
    }

    private List<Qualifier> qualifiers() throws InvalidPatternException {
        List<Qualifier> qualifiers = null;
        while (true) {
            Token keyword = peek();
            QualifierKind kind;
            switch (keyword.kind()) {
                case WITHIN:
                    advance();
                    if (!accept(TokenKind.INT_POS) && !accept(TokenKind.FLOAT_POS)) {
                        throw expected("a positive number of seconds");
                    }
                    expect(TokenKind.SECONDS, "SECONDS");
                    kind = QualifierKind.WITHIN;
                    break;
                case REPEATS:
                    advance();
                    expect(TokenKind.INT_POS, "a positive integer");
                    expect(TokenKind.TIMES, "TIMES");
                    kind = QualifierKind.REPEATS;
                    break;
                case START:
                    advance();
                    expect(TokenKind.TIMESTAMP, "a timestamp literal");
                    expect(TokenKind.STOP, "STOP");
                    expect(TokenKind.TIMESTAMP, "a timestamp literal");
                    kind = QualifierKind.START_STOP;
                    break;
                default:
                    return qualifiers == null ? List.of() : List.copyOf(qualifiers);
            }
            if (qualifiers == null) {
                qualifiers = new ArrayList<>(2);
            }
            qualifiers.add(new Qualifier(kind, keyword.start()));
        }
    }

    // ---- comparison expressions -----------------------------------------------------------------

    private Comparison comparisons(boolean conjunction) throws InvalidPatternException {
        TokenKind kind = conjunction ? TokenKind.AND : TokenKind.OR;
        Comparison first = conjunction ? propertyTest() : comparisons(true);
        if (peek().kind() != kind) {
            return first;
        }
        List<Comparison> operands = new ArrayList<>();
        operands.add(first);
        while (accept(kind)) {
            operands.add(conjunction ? propertyTest() : comparisons(true));
        }
        return new ComparisonOp(conjunction, List.copyOf(operands));
    }

    private Comparison propertyTest() throws InvalidPatternException {
        Token start = peek();
        if (start.kind() == TokenKind.LPAREN) {
            enter(start);
            Comparison inner = comparisons(false);
            expect(TokenKind.RPAREN, "AND, OR or ')'");
            depth--;
            return inner;
        }
        if (accept(TokenKind.EXISTS)) {
            return new Exists(objectPath());
        }
        if (!isIdentifier(start.kind())) {
            throw expected("an object path, EXISTS or '('");
        }
        ObjectPath path = objectPath();
        boolean negated = accept(TokenKind.NOT);
        Token operator = peek();
        Value value;
        switch (operator.kind()) {
            case EQ: case NEQ:
                advance();
                value = literal(true, "a literal value");
                break;
            case LT: case LE: case GT: case GE:
                advance();
                value = literal(false, "a number, string, binary, hex or timestamp literal");
                break;
            case IN:
                advance();
                value = set();
                break;
            case LIKE: case MATCHES: case ISSUBSET: case ISSUPERSET:
                advance();
                value = literal(expect(TokenKind.STRING, "a string literal"));
                break;
            default:
                throw expected(OPERATORS);
        }
        return new PropertyTest(path, negated, text(operator), value);
    }

    private SetLiteral set() throws InvalidPatternException {
        expect(TokenKind.LPAREN, "'(' to start a set of values");
        List<Literal> elements = new ArrayList<>();
        if (!accept(TokenKind.RPAREN)) {
            do {
                elements.add(literal(true, "a literal value"));
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RPAREN, "',' or ')'");
        }
        return new SetLiteral(List.copyOf(elements));
    }

    private Literal literal(boolean allowBoolean, String what) throws InvalidPatternException {
        Token t = peek();
        boolean ok = allowBoolean ? t.kind().isPrimitiveLiteral() : t.kind().isOrderableLiteral();
        if (!ok) {
            throw expected(what, isIdentifier(t.kind()) ? " (string values must be quoted: 'like this')" : "");
        }
        return literal(advance());
    }

    private Literal literal(Token t) {
        String text = text(t);
        String value = t.kind() == TokenKind.STRING ? Ast.unquote(text) : text;
        return new Literal(t.kind(), text, value, t.start());
    }

    private ObjectPath objectPath() throws InvalidPatternException {
        if (!isIdentifier(peek().kind())) {
            throw expected("an object path such as file:name");
        }
        String type = text(advance());
        if (!accept(TokenKind.COLON)) {
            throw expected("':'", " (an object path is written type:property, e.g. file:size)");
        }
        List<PathStep> steps = new ArrayList<>(4);
        steps.add(key());
        while (true) {
            if (accept(TokenKind.DOT)) {
                steps.add(key());
            } else if (accept(TokenKind.LBRACK)) {
                Token i = peek();
                if (i.kind() != TokenKind.INT_POS && i.kind() != TokenKind.INT_NEG
                        && i.kind() != TokenKind.ASTERISK) {
                    throw expected("an integer index or '*'");
                }
                steps.add(new PathStep(text(advance()), null));
                expect(TokenKind.RBRACK, "']'");
            } else {
                return new ObjectPath(type, List.copyOf(steps));
            }
        }
    }

    private PathStep key() throws InvalidPatternException {
        Token t = peek();
        if (t.kind() == TokenKind.IDENTIFIER) {
            String name = text(advance());
            return new PathStep(name, name);
        }
        if (t.kind() == TokenKind.STRING) {
            String quoted = text(advance());
            return new PathStep(quoted, Ast.unquote(quoted));
        }
        throw expected("a property name (an identifier without '-', or a quoted string)");
    }

    // ---- token handling -------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        return tokens.get(index++);
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private Token expect(TokenKind kind, String what) throws InvalidPatternException {
        if (peek().kind() != kind) {
            throw expected(what);
        }
        return advance();
    }

    /** Consumes an opening parenthesis or bracket, enforcing the nesting limit. */
    private void enter(Token open) throws InvalidPatternException {
        if (++depth > MAX_DEPTH) {
            throw new InvalidPatternException(open.start(),
                    "parentheses and brackets are nested deeper than " + MAX_DEPTH + " levels");
        }
        advance();
    }

    private String text(Token t) {
        return src.substring(t.start(), t.end());
    }

    static boolean isIdentifier(TokenKind kind) {
        return kind == TokenKind.IDENTIFIER || kind == TokenKind.IDENTIFIER_WITH_HYPHEN;
    }

    /** The error for the current token, which is not {@code what}. */
    private InvalidPatternException expected(String what) {
        return errors.expected(index, what, "");
    }

    private InvalidPatternException expected(String what, String fallbackHint) {
        return errors.expected(index, what, fallbackHint);
    }
}
