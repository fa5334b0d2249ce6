// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.api.stix.TokenKind.*;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexerTest {

    private static List<TokenKind> kinds(String src) {
        return Lexer.tokenize(src).stream().map(Token::kind).collect(Collectors.toList());
    }

    private static List<String> texts(String src) {
        return Lexer.tokenize(src).stream()
                .filter(t -> t.kind() != EOF)
                .map(t -> src.substring(t.start(), t.end()))
                .collect(Collectors.toList());
    }

    @Test
    void keywordsAreCaseSensitiveAndLoseToLongerIdentifiers() {
        assertThat(kinds("AND ANDx AND-x and")).containsExactly(
                AND, IDENTIFIER, IDENTIFIER_WITH_HYPHEN, IDENTIFIER, EOF);
    }

    @Test
    void everyKeywordIsRecognised() {
        assertThat(kinds("OR NOT FOLLOWEDBY LIKE MATCHES ISSUPERSET ISSUBSET EXISTS LAST IN START STOP"
                + " SECONDS WITHIN REPEATS TIMES true false")).containsExactly(
                OR, NOT, FOLLOWEDBY, LIKE, MATCHES, ISSUPERSET, ISSUBSET, EXISTS, LAST, IN, START, STOP,
                SECONDS, WITHIN, REPEATS, TIMES, BOOL, BOOL, EOF);
    }

    @Test
    void identifiersWithoutHyphenWinOverHyphenatedOnesOfEqualLength() {
        assertThat(kinds("value ipv4-addr x_y-")).containsExactly(
                IDENTIFIER, IDENTIFIER_WITH_HYPHEN, IDENTIFIER_WITH_HYPHEN, EOF);
    }

    @Test
    void dottedQuadLexesAsThreeFloats() {
        assertThat(kinds("6.6.6.6")).containsExactly(FLOAT_POS, FLOAT_POS, FLOAT_POS, EOF);
        assertThat(texts("6.6.6.6")).containsExactly("6.6", ".6", ".6");
    }

    @Test
    void numbersFollowTheLongestMatch() {
        assertThat(texts("01 +5 -0 -.5 00.25 1. +")).containsExactly(
                "0", "1", "+5", "-0", "-.5", "00.25", "1", ".", "+");
        assertThat(kinds("01 +5 -0 -.5 00.25 1. + -")).containsExactly(
                INT_POS, INT_POS, INT_POS, INT_NEG, FLOAT_NEG, FLOAT_POS, INT_POS, DOT, PLUS, MINUS, EOF);
    }

    @Test
    void operatorsPreferTwoCharacterForms() {
        assertThat(kinds("= == != <> < <= > >= : , ( ) [ ] * ^ /")).containsExactly(
                EQ, EQ, NEQ, NEQ, LT, LE, GT, GE, COLON, COMMA, LPAREN, RPAREN, LBRACK, RBRACK, ASTERISK,
                POWER_OP, DIVIDE, EOF);
    }

    @Test
    void prefixedLiteralsAreRecognised() {
        assertThat(kinds("h'' h'ff00' b'AAAA' b'dGhpcyBpcyBhIHRlc3Q=' b'YQ==' t'2020-01-01T00:00:60.5Z'"))
                .containsExactly(HEX, HEX, BINARY, BINARY, BINARY, TIMESTAMP, EOF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h'fff'", "h'zz'", "b''", "b'===='", "b'abc'", "b'ab='", "b'abcde==='",
            "t'2020-01-01T00:00:00'", "t'2020-02-30'", "t'2020-01-01T24:00:00Z'", "t'2020-01-01T00:00:61Z'",
            "t'2020-01-01T00:00:00.Z'"})
    void malformedPrefixedLiteralFallsBackToIdentifierAndString(String text) {
        assertThat(kinds(text)).containsExactly(IDENTIFIER, STRING, EOF);
    }

    @Test
    void stringLiteralAcceptsOnlyQuoteAndBackslashEscapes() {
        assertThat(texts("'it\\'s' 'a\\\\b' ''")).containsExactly("'it\\'s'", "'a\\\\b'", "''");
        List<Token> bad = Lexer.tokenize("'a\\nb'");
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).kind()).isEqualTo(ERROR);
        assertThat(bad.get(0).start()).isEqualTo(2);
        assertThat(bad.get(0).problem()).startsWith("invalid escape sequence '\\n'");
    }

    @Test
    void unterminatedStringIsAnError() {
        Token error = Lexer.tokenize("[a:b = 'abc\\'").get(5);
        assertThat(error.kind()).isEqualTo(ERROR);
        assertThat(error.start()).isEqualTo(7);
        assertThat(error.problem()).isEqualTo("unterminated string literal");
    }

    @Test
    void commentsAreSkipped() {
        assertThat(kinds("/* block */ [ // line\n a /**/:/* x */b ]//end")).containsExactly(
                LBRACK, IDENTIFIER, COLON, IDENTIFIER, RBRACK, EOF);
    }

    @Test
    void unterminatedBlockCommentIsADivideToken() {
        assertThat(kinds("/* open")).containsExactly(DIVIDE, ASTERISK, IDENTIFIER, EOF);
    }

    @Test
    void exoticWhitespaceIsSkipped() {
        String ws = "\t\r\n\u000B\u000C\u0085\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000";
        assertThat(kinds(ws + "[" + ws + "]" + ws)).containsExactly(LBRACK, RBRACK, EOF);
    }

    @Test
    void zeroWidthSpaceIsNotWhitespace() {
        List<Token> tokens = Lexer.tokenize("[\u200b]");
        assertThat(tokens.get(1).kind()).isEqualTo(ERROR);
        assertThat(tokens.get(1).problem()).isEqualTo("unexpected character U+200B");
    }

    @Test
    void lexingStopsAtTheFirstInvalidCharacter() {
        List<Token> tokens = Lexer.tokenize("[a ? b ? c]");
        assertThat(tokens).extracting(Token::kind).containsExactly(LBRACK, IDENTIFIER, ERROR);
        assertThat(tokens.get(2).problem()).isEqualTo("unexpected character '?' (U+003F)");
    }
}
