// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import threatbus.api.message.Indicator;

/** Redeliveries are recognised by STIX id and modified, within a bounded window. */
class DuplicateFilterTest {

    static Indicator indicator(int n, Instant modified) {
        return Indicator.builder().id(String.format("indicator--00000000-0000-4000-8000-%012d", n))
                .created(Instant.parse("2021-03-04T10:00:00Z")).modified(modified)
                .pattern("[ipv4-addr:value = '10.0.0." + (n % 250) + "']").patternType("stix")
                .validFrom(Instant.parse("2021-03-04T10:00:00Z")).build();
    }

    @Test
    void sameIdAndModifiedIsADuplicateANewVersionIsNot() {
        DuplicateFilter filter = new DuplicateFilter(10);
        Instant t = Instant.parse("2021-03-04T10:00:00Z");
        assertThat(filter.isDuplicate(indicator(1, t))).isFalse();
        assertThat(filter.isDuplicate(indicator(1, t))).isTrue();
        assertThat(filter.isDuplicate(indicator(1, t.plusSeconds(1)))).isFalse();
        assertThat(filter.isDuplicate(indicator(2, t))).isFalse();
    }

    @Test
    void theWindowIsBounded() {
        DuplicateFilter filter = new DuplicateFilter(3);
        Instant t = Instant.parse("2021-03-04T10:00:00Z");
        for (int i = 0; i < 4; i++) {
            filter.isDuplicate(indicator(i, t));
        }
        assertThat(filter.isDuplicate(indicator(0, t))).as("forgotten, beyond the window").isFalse();
        assertThat(filter.isDuplicate(indicator(3, t))).isTrue();
    }
}
