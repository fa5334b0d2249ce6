// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

import threatbus.testing.AllocationLimit;

/**
 * The STIX pattern parser under coverage-guided fuzzing. Each build replays the seed corpus and every past
 * finding ({@code StixPatternFuzzTestInputs/}); {@code JAZZER_FUZZ=1} fuzzes (see RELIABILITY.md).
 */
class StixPatternFuzzTest {

    private static final AllocationLimit LIMIT = new AllocationLimit(256 * 1024, 64);

    /** Any text parses or fails with {@link InvalidPatternException}; a parsed pattern answers its queries. */
    @FuzzTest(maxDuration = "30m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parsesOrRejectsWithAnInvalidPatternError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        StixPattern pattern;
        try {
            pattern = LIMIT.check(input, () -> StixPattern.parse(text));
        } catch (InvalidPatternException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(pattern.pointIoc().isPresent()).isEqualTo(pattern.isPointIoc());
    }
}
