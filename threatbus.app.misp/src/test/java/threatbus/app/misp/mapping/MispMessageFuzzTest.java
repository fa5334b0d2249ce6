// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

import threatbus.api.message.Indicator;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.stix.StixPattern;
import threatbus.testing.AllocationLimit;

/**
 * MISP's attribute notifications under coverage-guided fuzzing, through parsing, filtering and mapping. Each
 * build replays the seed corpus and every past finding ({@code MispMessageFuzzTestInputs/});
 * {@code JAZZER_FUZZ=1} fuzzes (see RELIABILITY.md).
 */
class MispMessageFuzzTest {

    private static final List<MispFilter> FILTERS = MispFilter.parse(
            "[{\"orgs\": [\"1\"], \"tags\": [\"tlp:amber\"]}, {\"types\": [\"domain\"]}]");
    private static final AllocationLimit LIMIT = new AllocationLimit(512 * 1024, 64);
    private final IndicatorMapper mapper = new IndicatorMapper(new PublishedAttributes(1_000));

    /** Only {@link MispMessageException}; whatever maps is an indicator the bus's own codec accepts. */
    @FuzzTest(maxDuration = "30m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void mapsToAValidIndicatorOrRejectsWithACause(byte[] input) throws MessageFormatException {
        Optional<Indicator> indicator;
        try {
            indicator = LIMIT.check(input, () -> {
                MispMessage message = MispMessage.parse(input);
                MispFilter.matches(FILTERS, message);
                return mapper.map(message);
            });
        } catch (MispMessageException e) {
            assertThat(e.cause()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        if (indicator.isPresent()) {
            assertThat(StixPattern.isValid(indicator.get().pattern())).isTrue();
            assertThat(MessageCodec.decode(indicator.get().json().toByteArray()).json())
                    .isEqualTo(indicator.get().json());
        }
    }
}
