// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Loss, duplicates, reordering and percentiles on hand-made inputs. */
class StatisticsTest {

    @Test
    void countsLostDuplicatedAndReorderedPerPublisher() {
        // publisher 0 sends 0..4, publisher 1 sends 5..9
        DeliveryStats stats = new DeliveryStats(new SeqRanges(10, 2));
        long[] arrivals = {0, 1, 3, 2, 5, 6, 6, 9, 8, 1, 6};
        for (int i = 0; i < arrivals.length; i++) {
            stats.record(arrivals[i], 100, 100 + 10 * (i + 1));
        }
        stats.record(10, 0, 1);
        stats.record(-1, 0, 1);
        stats.recordForeign();

        assertThat(stats.received()).isEqualTo(11);
        assertThat(stats.distinct()).isEqualTo(8);
        assertThat(stats.lost()).isEqualTo(2);
        // 6 and 1 came more than once; a third copy of 6 does not count again
        assertThat(stats.duplicated()).isEqualTo(2);
        // 2 after 3, 8 after 9; the late duplicate of 1 is a duplicate, not a reordering; 5 after 3 is another publisher
        assertThat(stats.reordered()).isEqualTo(2);
        assertThat(stats.foreign()).isEqualTo(3);
        assertThat(stats.latencyCount()).isEqualTo(11);
        assertThat(stats.latencies()[0]).isEqualTo(10);
        assertThat(stats.firstReceive()).isEqualTo(110);
        assertThat(stats.lastReceive()).isEqualTo(210);
    }

    @Test
    void keepsEveryLatencyBeyondTheExpectedCount() {
        DeliveryStats stats = new DeliveryStats(new SeqRanges(1, 1));
        for (int i = 0; i < 100; i++) {
            stats.record(0, 0, i);
        }
        assertThat(stats.latencyCount()).isEqualTo(100);
        assertThat(stats.duplicated()).isEqualTo(1);
        assertThat(new Percentiles(stats.latencies(), stats.latencyCount()).max()).isEqualTo(99);
    }

    @Test
    void percentilesUseTheNearestRank() {
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1000 - i;
        }
        Percentiles p = new Percentiles(values, values.length);
        assertThat(p.at(50)).isEqualTo(500);
        assertThat(p.at(90)).isEqualTo(900);
        assertThat(p.at(99)).isEqualTo(990);
        assertThat(p.at(99.9)).isEqualTo(999);
        assertThat(p.at(100)).isEqualTo(1000);
        assertThat(p.max()).isEqualTo(1000);
        assertThat(p.min()).isEqualTo(1);
        assertThat(values[0]).as("input left alone").isEqualTo(1000);
    }

    @Test
    void percentilesOfFewValues() {
        Percentiles one = new Percentiles(new long[] {42, 7}, 1);
        assertThat(one.at(50)).isEqualTo(42);
        assertThat(one.at(99.9)).isEqualTo(42);
        Percentiles four = new Percentiles(new long[] {40, 10, 30, 20}, 4);
        assertThat(four.at(50)).isEqualTo(20);
        assertThat(four.at(90)).isEqualTo(40);
        Percentiles none = new Percentiles(new long[0], 0);
        assertThat(none.at(50)).isZero();
        assertThat(none.max()).isZero();
    }

    @Test
    void rangesSplitTheSequenceNumbers() {
        SeqRanges r = new SeqRanges(10, 3);
        assertThat(new int[] {r.start(0), r.end(0), r.start(1), r.end(1), r.start(2), r.end(2)})
                .containsExactly(0, 4, 4, 7, 7, 10);
        int[] expected = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
        for (int seq = 0; seq < 10; seq++) {
            assertThat(r.publisherOf(seq)).isEqualTo(expected[seq]);
        }
        SeqRanges even = new SeqRanges(100_000, 4);
        for (int p = 0; p < 4; p++) {
            assertThat(even.end(p) - even.start(p)).isEqualTo(25_000);
            assertThat(even.publisherOf(even.start(p))).isEqualTo(p);
            assertThat(even.publisherOf(even.end(p) - 1)).isEqualTo(p);
        }
    }
}
