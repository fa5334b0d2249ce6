// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and random input must only ever produce InvalidPatternException, and quickly. */
class RobustnessTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);
    /** 20 000 parses take about a second; generous, so that a busy machine is not mistaken for a hang. */
    private static final Duration BULK = Duration.ofSeconds(60);

    /** Parses and returns whether the text is valid; fails on any exception but the checked one. */
    private static boolean survives(String text) {
        try {
            StixPattern.parse(text);
            return true;
        } catch (InvalidPatternException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.position()).isBetween(-1, text == null ? -1 : text.length());
            return false;
        }
    }

    @Test
    void rejectsHundredThousandOpeningParenthesesAsTooLong() {
        assertThatThrownBy(() -> StixPattern.parse("(".repeat(100_000)))
                .isInstanceOf(InvalidPatternException.class)
                .hasMessage("the pattern is 100000 characters long; at most 65536 are accepted");
    }

    @Test
    void rejectsDeepNestingOfObservations() {
        assertThatThrownBy(() -> StixPattern.parse("(".repeat(60_000)))
                .isInstanceOf(InvalidPatternException.class)
                .hasMessage("column 101: parentheses and brackets are nested deeper than 100 levels");
    }

    @Test
    void rejectsDeepNestingOfComparisons() {
        String deep = "[" + "(".repeat(30_000) + "a:b = 1" + ")".repeat(30_000) + "]";
        assertThatThrownBy(() -> StixPattern.parse(deep))
                .hasMessage("column 101: parentheses and brackets are nested deeper than 100 levels");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String ok = "(".repeat(90) + "[" + "(".repeat(9) + "a:b = 1" + ")".repeat(9) + "]"
                + ")".repeat(90);
        assertThat(StixPattern.isValid(ok)).isTrue();
        String tooDeep = "(" + ok + ")";
        assertThat(StixPattern.isValid(tooDeep)).isFalse();
    }

    @Test
    void parsesLongFlatChainsWithoutRecursing() {
        StringBuilder sb = new StringBuilder("[a:b = 1]");
        String[] ops = {" AND ", " OR ", " FOLLOWEDBY "};
        for (int i = 0; sb.length() < 60_000; i++) {
            sb.append(ops[i % 3]).append("[a:b = 1 AND a:c = 2 OR a:d = 3]");
        }
        assertTimeoutPreemptively(QUICKLY, () -> assertThat(survives(sb.toString())).isTrue());
    }

    @Test
    void rejectsManyUnclosedCommentsQuickly() {
        String pattern = "[a:b = 1]" + "/* ".repeat(20_000);
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> StixPattern.parse(pattern))
                .hasMessage("column 10: expected AND, OR, FOLLOWEDBY, WITHIN, REPEATS, START or the end of"
                        + " the pattern after ']', found '/'"));
    }

    @Test
    void acceptsPatternOfExactlyTheMaximumLength() {
        String pattern = "[a:b = '" + "x".repeat(Parser.MAX_LENGTH - 10) + "']";
        assertThat(pattern).hasSize(Parser.MAX_LENGTH);
        assertThat(StixPattern.isValid(pattern)).isTrue();
        assertThat(StixPattern.isValid(pattern + " ")).isFalse();
    }

    @Test
    void survivesRandomGarbage() {
        Random random = new Random(20240101);
        String alphabet = "[]()'\\:.,=!<>+-*/^ \t\nabtxhANDORNOTINSTART0123456789_?\u00a0\u200b\ud83d";
        assertTimeoutPreemptively(BULK, () -> {
            for (int i = 0; i < 20_000; i++) {
                int length = random.nextInt(64);
                StringBuilder sb = new StringBuilder(length);
                for (int j = 0; j < length; j++) {
                    sb.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x10000)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
                survives(sb.toString());
            }
        });
    }

    @Test
    void survivesMutationsOfValidPatterns() {
        String[] seeds = {
                "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
                "([a:b[*].c = 1] FOLLOWEDBY [x:y IN (1, 'z')]) WITHIN 300 SECONDS REPEATS 2 TIMES",
                "[x:t = t'2020-01-01T00:00:00.5Z' AND (EXISTS q:r OR s:u NOT MATCHES 'it\\'s')]"
                        + " START t'2020-01-01T00:00:00Z' STOP t'2021-01-01T00:00:00Z'",
                "[m:n = b'YQ==' OR m:o != h'ff' OR m:p <= -.5] /* c */ // d"};
        String pieces = "[]()'\\:.,=<>- *AND OR NOT WITHIN 5 SECONDS REPEATS TIMES START STOP t' h' b'";
        Random random = new Random(42);
        assertTimeoutPreemptively(BULK, () -> {
            int valid = 0;
            for (int i = 0; i < 20_000; i++) {
                StringBuilder sb = new StringBuilder(seeds[random.nextInt(seeds.length)]);
                for (int edits = 1 + random.nextInt(3); edits > 0 && sb.length() > 0; edits--) {
                    int at = random.nextInt(sb.length());
                    switch (random.nextInt(3)) {
                        case 0 -> sb.deleteCharAt(at);
                        case 1 -> sb.insert(at, pieces.charAt(random.nextInt(pieces.length())));
                        default -> sb.setCharAt(at, pieces.charAt(random.nextInt(pieces.length())));
                    }
                }
                valid += survives(sb.toString()) ? 1 : 0;
            }
            assertThat(valid).isPositive();
        });
    }
}
