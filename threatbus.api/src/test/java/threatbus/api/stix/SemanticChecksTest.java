// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticChecksTest {

    private static String hex(int length) {
        return "0123456789abcdefABCDEF".repeat(10).substring(0, length);
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "MD5, 32", "'MD6', 32", "MD6, 40", "MD6, 56", "MD6, 64", "MD6, 96", "MD6, 128",
            "'RIPEMD-160', 40", "'SHA-1', 40", "SHA1, 40", "'SHA-224', 56", "'SHA-256', 64",
            "SHA256, 64", "'sha-256', 64", "'SHA-384', 96", "'SHA-512', 128", "'SHA3-224', 56",
            "'SHA3-256', 64", "'SHA3-384', 96", "'SHA3-512', 128", "WHIRLPOOL, 128"})
    void acceptsWellFormedHash(String algorithm, int length) {
        String pattern = "[file:hashes." + algorithm + " = '" + hex(length) + "']";
        assertThat(StixPattern.isValid(pattern)).as(pattern).isTrue();
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "MD5, 31", "MD5, 33", "MD6, 48", "'RIPEMD-160', 32", "'SHA-1', 64", "'SHA-224', 64",
            "'SHA-256', 40", "'SHA-384', 128", "'SHA-512', 96", "'SHA3-224', 64", "'SHA3-256', 56",
            "'SHA3-384', 95", "'SHA3-512', 0", "WHIRLPOOL, 64"})
    void rejectsHashOfWrongLength(String algorithm, int length) {
        String pattern = "[file:hashes." + algorithm + " = '" + hex(length) + "']";
        assertThat(StixPattern.isValid(pattern)).as(pattern).isFalse();
    }

    @Test
    void rejectsHashWithNonHexDigit() {
        String value = "g" + hex(31);
        assertThatThrownBy(() -> StixPattern.parse("[file:hashes.MD5 = '" + value + "']"))
                .isInstanceOf(InvalidPatternException.class)
                .hasMessage("column 20: '" + value + "' is not a valid MD5 hash");
    }

    @Test
    void namesTheAlgorithmAsWrittenInTheMessage() {
        assertThatThrownBy(() -> StixPattern.parse("[file:hashes.'sha-1' = 'abc']"))
                .hasMessage("column 24: 'abc' is not a valid sha-1 hash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C", "96:a+b/c.d:e"})
    void acceptsWellFormedSsdeep(String value) {
        assertThat(StixPattern.isValid("[file:hashes.SSDEEP = '" + value + "']")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3:abc def", "3:abc_def"})
    void rejectsMalformedSsdeep(String value) {
        assertThat(StixPattern.isValid("[file:hashes.ssdeep = '" + value + "']")).isFalse();
    }

    @Test
    void checksHashesInNonStringLiterals() {
        assertThat(StixPattern.isValid("[file:hashes.MD5 = 12]")).isFalse();
        assertThat(StixPattern.isValid("[file:hashes.MD5 = h'" + hex(32) + "']")).isFalse();
    }

    @Test
    void checksHashesInEveryComparisonOperatorWithASingleValue() {
        assertThat(StixPattern.isValid("[file:hashes.MD5 != 'x']")).isFalse();
        assertThat(StixPattern.isValid("[file:hashes.MD5 NOT LIKE 'x%']")).isFalse();
        assertThat(StixPattern.isValid("[a:b = 1 AND file:hashes.MD5 MATCHES '^x']")).isFalse();
    }

    @Test
    void checksHashesUnderNestedPaths() {
        assertThat(StixPattern.isValid(
                "[email-message:body_multipart[0].body_raw_ref.hashes.'SHA-256' = 'bad']")).isFalse();
        assertThat(StixPattern.isValid("[x-thing:'hashes'.md5 = 'bad']")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[file:hashes.TLSH = 'not checked']",
            "[file:hashes[*] = 'not checked']",
            "[file:hashes[0] = 'not checked']",
            "[file:hashes = 'not checked']",
            "[file:digests.MD5 = 'not checked']",
            "[file:hashes.MD5 IN ('a', 'b')]",
            "[EXISTS file:hashes.MD5]"})
    void skipsValuesThatAreNotSingleHashesOfAKnownAlgorithm(String pattern) {
        assertThat(StixPattern.isValid(pattern)).as(pattern).isTrue();
    }

    @Test
    void rejectsDuplicateQualifierOnBracketedObservation() {
        assertThatThrownBy(() -> StixPattern.parse("[a:b = 1] WITHIN 5 SECONDS WITHIN 6 SECONDS"))
                .hasMessage("column 28: duplicate qualifier WITHIN on one observation expression");
        assertThatThrownBy(() -> StixPattern.parse(
                "[a:b = 1] REPEATS 2 TIMES WITHIN 5 SECONDS REPEATS 3 TIMES"))
                .hasMessage("column 44: duplicate qualifier REPEATS on one observation expression");
    }

    @Test
    void rejectsDuplicateQualifierInsideAGroup() {
        assertThat(StixPattern.isValid("([a:b = 1] REPEATS 2 TIMES REPEATS 3 TIMES)")).isFalse();
        assertThat(StixPattern.isValid("[x:y = 2] AND [a:b = 1] WITHIN 1 SECONDS WITHIN 2 SECONDS"))
                .isFalse();
    }

    @Test
    void allowsRepeatedQualifiersOnParenthesisedGroups() {
        assertThat(StixPattern.isValid("([a:b = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS")).isTrue();
        assertThat(StixPattern.isValid("([a:b = 1] REPEATS 2 TIMES) REPEATS 2 TIMES")).isTrue();
    }

    @Test
    void allowsDifferentQualifiersOnOneObservation() {
        assertThat(StixPattern.isValid("[a:b = 1] REPEATS 2 TIMES WITHIN 5 SECONDS"
                + " START t'2020-01-01T00:00:00Z' STOP t'2020-01-02T00:00:00Z'")).isTrue();
    }

    @Test
    void reportsSyntaxErrorsBeforeSemanticOnes() {
        assertThatThrownBy(() -> StixPattern.parse("[file:hashes.MD5 = 'bad'] AND"))
                .hasMessageStartingWith("column 30: expected '[' or '('");
    }
}
