// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.util.Arrays;

/** Nearest-rank percentiles over every recorded value; exact, which a sorted array makes cheap enough. */
final class Percentiles {
    private final long[] sorted;

    /** Copies and sorts the first {@code count} values. */
    Percentiles(long[] values, int count) {
        this.sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest value with at least {@code p} percent of all values at or below it; 0 when empty. */
    long at(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        // the epsilon keeps binary fractions (99.9 % of 1000 = 999.0000000000001) from rounding a rank up
        int rank = (int) Math.ceil(p * sorted.length / 100.0 - 1e-9);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    long min() {
        return sorted.length == 0 ? 0 : sorted[0];
    }
}
