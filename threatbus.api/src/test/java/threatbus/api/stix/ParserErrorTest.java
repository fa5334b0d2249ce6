// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParserErrorTest {

    private static InvalidPatternException failure(String pattern) {
        InvalidPatternException e =
                catchThrowableOfType(InvalidPatternException.class, () -> StixPattern.parse(pattern));
        assertThat(e).as("parse(%s) should fail", pattern).isNotNull();
        return e;
    }

    private static void assertError(String pattern, int position, String message) {
        InvalidPatternException e = failure(pattern);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e).hasMessage(message);
    }

    @Test
    void rejectsPatternWithoutBrackets() {
        assertError("file:size = 1280", 0, "column 1: a pattern must start with '[' or '(', found 'file'"
                + " (comparisons must be enclosed in '[' and ']')");
    }

    @Test
    void rejectsMissingClosingBracket() {
        assertError("[ipv4-addr:value = '6.6.6.6'", 28, "column 29: expected AND, OR or ']' after"
                + " '6.6.6.6', found the end of the pattern");
    }

    @Test
    void rejectsMissingOpeningBracket() {
        assertError("ipv4-addr:value = '6.6.6.6']", 0, "column 1: a pattern must start with '[' or '(',"
                + " found 'ipv4-addr' (comparisons must be enclosed in '[' and ']')");
    }

    @Test
    void rejectsComparisonWithoutValue() {
        assertError("[file:size = ]", 13, "column 14: expected a literal value after '=', found ']'");
    }

    @Test
    void rejectsInvalidCharacterAfterOperator() {
        assertError("[file:hashes.MD5 =? 'cead3f77f6cda6ec00f57d76c9a6879f']", 18,
                "column 19: unexpected character '?' (U+003F)");
    }

    @Test
    void rejectsLowercaseQualifierWithHint() {
        assertError("[foo:bar=1] within 2 seconds", 12, "column 13: expected AND, OR, FOLLOWEDBY, WITHIN,"
                + " REPEATS, START or the end of the pattern after ']', found 'within'"
                + " (keywords are case-sensitive: did you mean 'WITHIN'?)");
    }

    @Test
    void rejectsMalformedHash() {
        assertError("[file:hashes.'SHA-256' = 'f00']", 25,
                "column 26: 'f00' is not a valid SHA-256 hash");
    }

    @Test
    void hintsThatStringValuesMustBeQuoted() {
        assertError("[file:hashes.MD5 = cead3f77f6cda6ec00f57d76c9a6879f]", 19, "column 20: expected a"
                + " literal value after '=', found 'cead3f77f6cda6ec00f57d76c9a6879f' (string values must be"
                + " quoted: 'like this')");
    }

    @Test
    void hintsAtBooleanSpelling() {
        assertError("[a:b = True]", 7, "column 8: expected a literal value after '=', found 'True'"
                + " (booleans are written 'true' and 'false')");
    }

    @Test
    void rejectsDotAfterObjectType() {
        assertError("[file.size = 1280]", 5, "column 6: expected ':' after 'file', found '.'"
                + " (an object path is written type:property, e.g. file:size)");
    }

    @Test
    void rejectsUnquotedIpAddress() {
        assertError("[ipv4-addr:value = 6.6.6.6]", 22,
                "column 23: expected AND, OR or ']' after '6.6', found '.6'");
    }

    @Test
    void rejectsHyphenatedPropertyNameUnlessQuoted() {
        assertError("[file:extensions.ntfs-ext.sid = '1']", 17, "column 18: expected a property name"
                + " (an identifier without '-', or a quoted string) after '.', found 'ntfs-ext'");
    }

    @Test
    void rejectsNullAndEmptyPatterns() {
        assertError(null, -1, "the pattern is null");
        assertError("", 0, "column 1: the pattern is empty");
        assertError("  /* nothing */ ", 0, "column 1: the pattern is empty");
    }

    @Test
    void rejectsEmptyBrackets() {
        assertError("[]", 1, "column 2: expected an object path, EXISTS or '(' after '[', found ']'");
    }

    @Test
    void rejectsUnbalancedClosingParenthesis() {
        assertError("[a:b = 1])", 9, "column 10: expected AND, OR, FOLLOWEDBY, WITHIN, REPEATS, START"
                + " or the end of the pattern after ']', found ')'");
    }

    @Test
    void rejectsMissingObservationAfterOperator() {
        assertError("[a:b = 1] AND", 13, "column 14: expected '[' or '(' to start an observation"
                + " expression after 'AND', found the end of the pattern");
    }

    @Test
    void rejectsBooleanInOrderingComparison() {
        assertError("[a:b < true]", 7, "column 8: expected a number, string, binary, hex or timestamp"
                + " literal after '<', found 'true'");
    }

    @Test
    void rejectsUnknownOperator() {
        assertError("[a:b CONTAINS 'x']", 5, "column 6: expected a comparison operator (=, !=, <, <=, >,"
                + " >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET) after 'b', found 'CONTAINS'");
    }

    @Test
    void rejectsUnterminatedSet() {
        assertError("[a:b IN (1, 2]", 13, "column 14: expected ',' or ')' after '2', found ']'");
    }

    @Test
    void rejectsNegativeRepeatCount() {
        assertError("[a:b = 1] REPEATS -2 TIMES", 18,
                "column 19: expected a positive integer after 'REPEATS', found '-2'");
    }

    @Test
    void rejectsStartWithoutStop() {
        assertError("[a:b = 1] START t'2020-01-01T00:00:00Z'", 39, "column 40: expected STOP after"
                + " t'2020-01-01T00:00:00Z', found the end of the pattern");
    }

    @Test
    void rejectsMalformedHexLiteral() {
        assertError("[file:magic_number_hex = h'fff']", 25,
                "column 26: malformed hex literal h'fff' (expected an even number of hex digits)");
    }

    @Test
    void rejectsInvalidStringEscape() {
        assertError("[file:name = 'a\\nb']", 15, "column 16: invalid escape sequence '\\n' in string"
                + " literal (only \\' and \\\\ are allowed)");
    }

    @Test
    void reportsTheLeftmostErrorFirst() {
        assertError("[a:b = ] ?", 7, "column 8: expected a literal value after '=', found ']'");
    }

    @Test
    void shortensAndEscapesLongOrControlTextInMessages() {
        String message = failure("[a:b = " + "x".repeat(1000) + "\n]").getMessage();
        assertThat(message).hasSizeLessThan(200).contains("'xxxx").contains("...");
        assertThat(failure("[a:b = 1] \u0000").getMessage())
                .isEqualTo("column 11: unexpected character U+0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a:b = 1] and [a:b = 2]", "[a:b = 1] Within 5 SECONDS",
            "[a:b = 1] WITHIN 5 seconds", "[a:b Like 'x']", "[a:b = True]", "[a:b = 1] followedby [a:b = 2]",
            "[a:b = 'x'] REPEATS 5 times", "[a:b not = 1]"})
    void keywordsAreCaseSensitive(String pattern) {
        assertThat(StixPattern.isValid(pattern)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a:b = 1] [a:b = 2]", "[a:b = 1] AND", "([a:b = 1]", "[a:b = 1]]",
            "[a:b.c[] = 1]", "[a:b[1.5] = 1]", "[a:b.'c = 1]", "[a:b = 'x' AND]", "[a:'b'.c = 1]x",
            "[EXISTS]", "[NOT a:b = 1]", "[a:b NOT NOT = 1]", "[a:b = 1] WITHIN 5", "[a:b = 1] REPEATS TIMES",
            "[a:b IN 1]", "[a:b IN (1,)]", "[a:b LIKE 1]", "[a:b = h'f']", "[a:b = +]", "[a:b = 1 + 2]",
            "[a:b = 1] WITHIN -1.5 SECONDS", "[a:b = 1] START '2020' STOP '2021'", "[a:LAST = 1]",
            "[a:true = 1]", "[a:b-c = 1]", "[1:b = 1]", "['a':b = 1]", "[a:b MATCHES /x/]", "[a:b ^ 1]"})
    void rejectsInvalidSyntax(String pattern) {
        assertThat(StixPattern.isValid(pattern)).isFalse();
    }
}
