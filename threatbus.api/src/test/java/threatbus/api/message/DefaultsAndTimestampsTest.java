// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults the original's stix2 library filled in, and timestamp precision. */
class DefaultsAndTimestampsTest {

    private static final String MINIMAL = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", "
            + "\"id\": \"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", "
            + "\"pattern\": \"[domain-name:value = 'evil.com']\", \"pattern_type\": \"stix\"}";

    @Test
    void fillsCreatedModifiedAndValidFromWithNowAndAddsPatternVersion() throws Exception {
        Instant before = Instant.now().minusMillis(1);

        Indicator indicator = MessageCodec.decode(MINIMAL.getBytes(), Indicator.class);

        assertThat(indicator.created()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
        assertThat(indicator.modified()).isEqualTo(indicator.created());
        assertThat(indicator.validFrom()).isAfterOrEqualTo(before);
        assertThat(indicator.stringProperty("pattern_version")).contains("2.1");
        assertThat(indicator.propertyNames()).containsExactly("type", "spec_version", "id", "created", "modified",
                "pattern", "pattern_type", "pattern_version", "valid_from");
    }

    @ParameterizedTest
    @CsvSource({
        "2022-01-01T00:00:00Z,           2022-01-01T00:00:00.000Z",
        "2022-01-01T00:00:00.1Z,         2022-01-01T00:00:00.100Z",
        "2022-01-01T00:00:00.12Z,        2022-01-01T00:00:00.120Z",
        "2022-01-01T00:00:00.000Z,       2022-01-01T00:00:00.000Z",
        "2022-01-01T00:00:00.123456Z,    2022-01-01T00:00:00.123456Z",
        "2022-01-01T00:00:00.1234560Z,   2022-01-01T00:00:00.123456Z",
        "2022-01-01T00:00:00.123456789Z, 2022-01-01T00:00:00.123456789Z",
    })
    void acceptsAnyFractionalPrecisionAndWritesAtLeastMilliseconds(String in, String out) throws Exception {
        String json = MINIMAL.replace("}", ", \"created\": \"" + in + "\", \"modified\": \"" + in + "\"}");

        Indicator indicator = MessageCodec.decode(json.getBytes(), Indicator.class);

        assertThat(indicator.stringProperty("created")).contains(out);
    }

    @ParameterizedTest
    @CsvSource({"2022-01-01T00:00:00.1234567891Z", "2022-01-01T00:00:00.Z", "2022-01-01 00:00:00Z",
        "2022-1-01T00:00:00Z", "2022-01-01T00:00:00z", "2022-13-01T00:00:00Z", "2022-01-01T24:00:00Z"})
    void rejectsWhatIsNotAStixTimestamp(String text) {
        assertThat(StixTimestamps.parse(text)).isEmpty();
    }

    @Test
    void formatsInstantsAtLeastToTheMillisecond() {
        assertThat(StixTimestamps.format(Instant.parse("2021-03-04T10:00:00Z"))).isEqualTo("2021-03-04T10:00:00.000Z");
        assertThat(StixTimestamps.format(Instant.parse("2021-03-04T10:00:00.000000001Z")))
                .isEqualTo("2021-03-04T10:00:00.000000001Z");
    }
}
