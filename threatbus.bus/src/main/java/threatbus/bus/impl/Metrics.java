// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Bus-wide counters per topic: accepted into the inbox, delivered to subscribers, dropped from outboxes. */
final class Metrics {

    private final Map<String, LongAdder[]> byTopic = new ConcurrentHashMap<>();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder dispatchFailures = new LongAdder();

    void accepted(String topic) {
        counters(topic)[0].increment();
    }

    void delivered(String topic) {
        counters(topic)[1].increment();
    }

    void dropped(String topic) {
        counters(topic)[2].increment();
    }

    /** A publish the inbox had no room for. */
    void rejected() {
        rejected.increment();
    }

    /** A message given up after the active backbone failed on it repeatedly. */
    void dispatchFailed() {
        dispatchFailures.increment();
    }

    long rejectedCount() {
        return rejected.sum();
    }

    long dispatchFailureCount() {
        return dispatchFailures.sum();
    }

    /** Counts per topic, sorted by topic. */
    List<BusStatus.TopicRow> topics() {
        Map<String, BusStatus.TopicRow> sorted = new TreeMap<>();
        byTopic.forEach((topic, c) -> sorted.put(topic, new BusStatus.TopicRow(topic, c[0].sum(), c[1].sum(), c[2].sum())));
        return List.copyOf(sorted.values());
    }

    private LongAdder[] counters(String topic) {
        // topics derive from message types, so this map stays tiny
        return byTopic.computeIfAbsent(topic, t -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
    }
}
