// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one subscriber received: deliveries per sequence number, reordering per publisher, and
 * one latency per delivery. Written by one receiver thread; the two progress counters may be
 * read by others at any time, everything else only after that thread has ended.
 */
final class DeliveryStats {
    private final SeqRanges ranges;
    /** Deliveries per sequence number, saturating, so that N messages cost N bytes. */
    private final byte[] deliveries;
    /** Highest sequence number seen so far from each publisher. */
    private final int[] highest;
    private long[] latencies;
    private int latencyCount;

    private final AtomicInteger distinct = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private int duplicated;
    private int reordered;
    private int foreign;
    private long firstReceive;
    private long lastReceive;

    DeliveryStats(SeqRanges ranges) {
        this.ranges = ranges;
        this.deliveries = new byte[ranges.messages()];
        this.highest = new int[ranges.publishers()];
        Arrays.fill(highest, -1);
        this.latencies = new long[Math.max(16, ranges.messages())];
    }

    /** Records one delivery of a measured message. */
    void record(long seq, long sendNanos, long receiveNanos) {
        if (seq < 0 || seq >= deliveries.length) {
            foreign++;
            return;
        }
        int s = (int) seq;
        byte before = deliveries[s];
        if (before < Byte.MAX_VALUE) {
            deliveries[s] = (byte) (before + 1);
        }
        if (before == 0) {
            distinct.lazySet(distinct.get() + 1);
            int p = ranges.publisherOf(s);
            if (s < highest[p]) {
                reordered++;
            } else {
                highest[p] = s;
            }
        } else if (before == 1) {
            duplicated++;
        }
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = receiveNanos - sendNanos;
        int count = received.get();
        if (count == 0) {
            firstReceive = receiveNanos;
        }
        lastReceive = receiveNanos;
        received.lazySet(count + 1);
    }

    /** Records a frame that is not one of ours (or not one of this run). */
    void recordForeign() {
        foreign++;
    }

    /** Distinct sequence numbers received so far; safe to read from any thread. */
    int distinct() {
        return distinct.get();
    }

    /** Deliveries so far, duplicates included; safe to read from any thread. */
    int received() {
        return received.get();
    }

    int lost() {
        return deliveries.length - distinct();
    }

    /** Sequence numbers delivered more than once. */
    int duplicated() {
        return duplicated;
    }

    /** First deliveries of a sequence number lower than one already seen from the same publisher. */
    int reordered() {
        return reordered;
    }

    int foreign() {
        return foreign;
    }

    long firstReceive() {
        return firstReceive;
    }

    long lastReceive() {
        return lastReceive;
    }

    long[] latencies() {
        return latencies;
    }

    int latencyCount() {
        return latencyCount;
    }
}
