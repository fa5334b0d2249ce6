// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The message builder writes valid STIX 2.1 indicators of the target size, in json.dumps style. */
class IndicatorWriterTest {
    private static final String TOPIC = "stix2/indicator";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    @Test
    void writesAValidIndicatorOfTheTargetSize() {
        IndicatorWriter writer = new IndicatorWriter(TOPIC, 500);
        writer.prepare(0x010203);
        byte[] frame = writer.finish(5510702656379L);
        String text = new String(frame, StandardCharsets.UTF_8);

        assertThat(text).startsWith(TOPIC + " {\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"indicator--");
        String json = text.substring(TOPIC.length() + 1);
        assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSize(500);
        Map<?, ?> indicator = (Map<?, ?>) Json.parse(json);
        assertThat(indicator.keySet()).hasToString("[type, spec_version, id, created, modified, name, description, "
                + "pattern, pattern_type, pattern_version, valid_from]");
        assertThat(indicator.get("id").toString())
                .matches("indicator--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(indicator.get("created").toString()).matches(TIMESTAMP);
        assertThat(indicator.get("modified")).isEqualTo(indicator.get("created"));
        assertThat(indicator.get("valid_from")).isEqualTo(indicator.get("created"));
        assertThat(indicator.get("name")).isEqualTo("tbbench 66051 5510702656379");
        assertThat(indicator.get("pattern")).isEqualTo("[ipv4-addr:value = '10.1.2.3']");
        assertThat(indicator.get("pattern_type")).isEqualTo("stix");
        assertThat(indicator.get("pattern_version")).isEqualTo("2.1");
        // json.dumps separators throughout: ", " between members and ": " after keys
        assertThat(json).doesNotContain("\",\"").doesNotContain("\":\"");
    }

    @Test
    void idsAreUniqueAndSizesExactForEveryDigitCount() {
        IndicatorWriter writer = new IndicatorWriter(TOPIC, 480);
        Set<Object> ids = new HashSet<>();
        for (int seq = 0; seq < 20_000; seq++) {
            writer.prepare(seq);
            // nanos of every length, negative ones included: the padding absorbs the difference
            long nanos = seq % 2 == 0 ? seq * 7919L : -seq * 1_000_003L;
            byte[] frame = writer.finish(nanos);
            assertThat(frame.length - TOPIC.length() - 1).isEqualTo(480);
            Map<?, ?> indicator = (Map<?, ?>) Json.parse(new String(frame, TOPIC.length() + 1,
                    frame.length - TOPIC.length() - 1, StandardCharsets.UTF_8));
            ids.add(indicator.get("id"));
            assertThat(indicator.get("name")).isEqualTo("tbbench " + seq + " " + nanos);
        }
        assertThat(ids).hasSize(20_000);
    }

    @Test
    void aTargetBelowTheMinimumGivesTheUnpaddedMessage() {
        IndicatorWriter writer = new IndicatorWriter(TOPIC, 0);
        writer.prepare(7);
        String json = new String(writer.finish(1), StandardCharsets.UTF_8).substring(TOPIC.length() + 1);
        Map<?, ?> indicator = (Map<?, ?>) Json.parse(json);
        assertThat(indicator.get("description")).isEqualTo("");
        assertThat(json.length()).isBetween(300, 400);
    }

    @Test
    void warmupMessagesAreNamedAsSuch() {
        IndicatorWriter writer = new IndicatorWriter("stix2/indicator", 500);
        writer.prepareWarmup(3, 42);
        byte[] frame = writer.finish(0);
        Map<?, ?> indicator = (Map<?, ?>) Json.parse(new String(frame, StandardCharsets.UTF_8).substring(16));
        assertThat(indicator.get("name")).isEqualTo("tbbench warmup 3 42");
        assertThat(frame.length - 16).isEqualTo(500);
    }

    @Test
    void numbersAreWrittenLikeLongToString() {
        byte[] out = new byte[32];
        for (long v : List.of(0L, 9L, 10L, -1L, -10L, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE)) {
            int end = IndicatorWriter.putLong(out, 0, v);
            assertThat(new String(out, 0, end, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(v));
            assertThat(IndicatorWriter.digits(v)).isEqualTo(Long.toString(v).length());
        }
    }
}
