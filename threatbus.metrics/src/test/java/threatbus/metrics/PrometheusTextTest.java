// SPDX-License-Identifier: BSD-3-Clause
package threatbus.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import threatbus.api.metrics.Sample;

class PrometheusTextTest {

    @Test
    void helpAndTypeOnceAMetricThenItsSamples() {
        String text = PrometheusText.render(List.of(
                Sample.counter("threatbus_messages_in_total", "In.", Map.of("topic", "stix2/indicator"), 3),
                Sample.gauge("threatbus_inbox_depth", "Depth.", Map.of(), 0),
                Sample.counter("threatbus_messages_in_total", "In.", Map.of("topic", "stix2/sighting"), 1)));

        assertThat(text).isEqualTo("""
                # HELP threatbus_messages_in_total In.
                # TYPE threatbus_messages_in_total counter
                threatbus_messages_in_total{topic="stix2/indicator"} 3
                threatbus_messages_in_total{topic="stix2/sighting"} 1
                # HELP threatbus_inbox_depth Depth.
                # TYPE threatbus_inbox_depth gauge
                threatbus_inbox_depth 0
                """);
    }

    @Test
    void labelValuesEscapeBackslashQuoteAndNewline() {
        String text = PrometheusText.render(List.of(
                Sample.gauge("g", "h", Map.of("b", "x\\y", "a", "say \"hi\"\nbye"), 1)));

        // labels sorted by name; \ " and newline escaped as the format says
        assertThat(text).endsWith("g{a=\"say \\\"hi\\\"\\nbye\",b=\"x\\\\y\"} 1\n");
    }

    @Test
    void helpEscapesBackslashAndNewlineButNotQuotes() {
        assertThat(PrometheusText.render(List.of(Sample.gauge("g", "a \"b\" \\ c\nd", Map.of(), 1))))
                .startsWith("# HELP g a \"b\" \\\\ c\\nd\n");
    }

    @Test
    void valuesIntegralNonIntegralAndSpecial() {
        assertThat(PrometheusText.value(42)).isEqualTo("42");
        assertThat(PrometheusText.value(0.5)).isEqualTo("0.5");
        assertThat(PrometheusText.value(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusText.value(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.value(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void aSampleOfAnotherTypeUnderATakenNameIsLeftOut() {
        String text = PrometheusText.render(List.of(
                Sample.counter("m_total", "h", Map.of("k", "1"), 1),
                Sample.gauge("m_total", "h", Map.of("k", "2"), 2)));

        assertThat(text).contains("m_total{k=\"1\"} 1").doesNotContain("k=\"2\"");
    }

    @Test
    void invalidNamesAreRefused() {
        assertThatThrownBy(() -> Sample.gauge("threatbus-bad", "h", Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sample.gauge("ok", "h", Map.of("__reserved", "v"), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
