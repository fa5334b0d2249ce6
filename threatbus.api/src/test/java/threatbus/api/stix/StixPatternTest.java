// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StixPatternTest {

    @Test
    void keepsTheTextAsGiven() throws InvalidPatternException {
        String text = "  [file:name = 'x'] /* trailing comment */ ";
        StixPattern pattern = StixPattern.parse(text);
        assertThat(pattern.text()).isEqualTo(text);
        assertThat(pattern).hasToString(text);
        assertThat(pattern).isEqualTo(StixPattern.parse(text)).hasSameHashCodeAs(StixPattern.parse(text));
    }

    @Test
    void reportsObjectTypesInOrderOfAppearance() throws InvalidPatternException {
        StixPattern pattern = StixPattern.parse("[file:name = 'a' AND process:pid = 1]"
                + " FOLLOWEDBY ([file:size > 3] OR [EXISTS network-traffic:src_ref])");
        assertThat(pattern.objectTypes()).containsExactly("file", "process", "network-traffic");
        assertThatThrownBy(() -> pattern.objectTypes().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void countsEveryComparisonIncludingExists() throws InvalidPatternException {
        assertThat(StixPattern.parse("[a:b = 1]").comparisonCount()).isEqualTo(1);
        assertThat(StixPattern.parse("[a:b = 1 AND (a:c = 2 OR EXISTS a:d)] AND [a:e IN (1, 2, 3)]")
                .comparisonCount()).isEqualTo(4);
    }

    @Test
    void detectsObservationOperators() throws InvalidPatternException {
        assertThat(StixPattern.parse("[a:b = 1 AND a:c = 2 OR a:d = 3]").hasObservationOperators())
                .isFalse();
        assertThat(StixPattern.parse("[a:b = 1] AND [a:c = 2]").hasObservationOperators()).isTrue();
        assertThat(StixPattern.parse("[a:b = 1] OR [a:c = 2]").hasObservationOperators()).isTrue();
        assertThat(StixPattern.parse("([a:b = 1] FOLLOWEDBY [a:c = 2])").hasObservationOperators())
                .isTrue();
    }

    @Test
    void detectsQualifiers() throws InvalidPatternException {
        assertThat(StixPattern.parse("([a:b = 1])").hasQualifiers()).isFalse();
        assertThat(StixPattern.parse("[a:b = 1] REPEATS 2 TIMES").hasQualifiers()).isTrue();
        assertThat(StixPattern.parse("[a:c = 2] AND ([a:b = 1]) WITHIN 2.5 SECONDS").hasQualifiers())
                .isTrue();
    }

    @Test
    void isValidNeverThrows() {
        assertThat(StixPattern.isValid(null)).isFalse();
        assertThat(StixPattern.isValid("")).isFalse();
        assertThat(StixPattern.isValid("[a:b = 1]")).isTrue();
    }

    @Test
    void skipsCommentsAndExoticWhitespace() {
        assertThat(StixPattern.isValid("/* lead */[\u00a0a:b\u2003=\u30001\u2028]// tail")).isTrue();
        assertThat(PointIoc.of("\u3000[a:b\u0085=\u000B'x'\u205f]\u202f")).isPresent();
    }

    @Test
    void acceptsTheWholeGrammar() {
        assertThat(StixPattern.isValid("[a:b = 1] AND [a:c = 2] OR [a:d = 3] FOLLOWEDBY"
                + " (([a:e[*].f[-1].'g h' NOT IN ()] REPEATS +3 TIMES) START t'2020-01-01T00:00:00Z'"
                + " STOP t'2020-12-31T23:59:60.999Z') WITHIN .5 SECONDS")).isTrue();
        assertThat(StixPattern.isValid("[a:b == -.5 AND a:c <> false AND a:d >= h'' AND a:e <= b'AAAA'"
                + " AND a:f NOT MATCHES 'x' AND a:g ISSUPERSET '10.0.0.0/8' AND a:h NOT LIKE '%'"
                + " AND a:i IN (true, 'x', 1, -2, 3.5, h'ff', b'YQ==', t'2020-01-01T00:00:00Z')]")).isTrue();
    }
}
