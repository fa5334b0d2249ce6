// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated configuration of the core. Every problem is reported with the property's name so that an
 * operator can fix it: invalid values, and keys the core does not know (usually typos).
 */
record BusSettings(int inboxCapacity, long publishTimeoutMillis, OutboxSettings outboxes, Duration snapshotTtl) {

    static final Set<String> KEYS = Set.of("inbox.capacity", "publish.timeout.ms", "outbox.capacity", "outbox.overflow",
            "outbox.block.ms", "snapshot.ttl.s");

    /** Property name prefixes that the framework, SCR and FileInstall add to every configuration. */
    private static final List<String> FOREIGN_PREFIXES = List.of("service.", "component.", "felix.fileinstall.",
            "osgi.ds.", "objectClass");

    static final BusSettings DEFAULTS = new BusSettings(10_000, 1_000,
            new OutboxSettings(10_000, OverflowPolicy.DROP_OLDEST, 1_000), Duration.ofHours(1));

    /** The outcome of reading a configuration: settings to use and what was wrong with it. */
    record Parsed(BusSettings settings, List<String> invalid, List<String> unknown) {
    }

    /**
     * Reads a configuration. Invalid values are replaced by their defaults (and reported in
     * {@code invalid}); unknown keys are reported in {@code unknown}.
     */
    static Parsed parse(BusConfig config, Map<String, ?> properties) {
        List<String> invalid = new ArrayList<>();
        Reader read = new Reader(properties, invalid);
        int inbox = (int) read.atLeast(1, config::inbox_capacity, "inbox.capacity", DEFAULTS.inboxCapacity);
        long timeout = read.atLeast(0, config::publish_timeout_ms, "publish.timeout.ms", DEFAULTS.publishTimeoutMillis);
        int outbox = (int) read.atLeast(1, config::outbox_capacity, "outbox.capacity", DEFAULTS.outboxes.capacity());
        long block = read.atLeast(0, config::outbox_block_ms, "outbox.block.ms", DEFAULTS.outboxes.blockMillis());
        long ttl = read.atLeast(1, config::snapshot_ttl_s, "snapshot.ttl.s", DEFAULTS.snapshotTtl.getSeconds());
        OverflowPolicy policy = read.value(config::outbox_overflow, "outbox.overflow",
                "DROP_OLDEST, DROP_NEWEST or BLOCK", DEFAULTS.outboxes.policy());
        List<String> unknown = properties.keySet().stream()
                .filter(key -> !KEYS.contains(key) && FOREIGN_PREFIXES.stream().noneMatch(key::startsWith))
                .sorted().toList();
        return new Parsed(new BusSettings(inbox, timeout, new OutboxSettings(outbox, policy, block),
                Duration.ofSeconds(ttl)), invalid, unknown);
    }

    /** Reads values through the config annotation, turning conversion failures into reported problems. */
    private record Reader(Map<String, ?> properties, List<String> invalid) {

        long atLeast(long min, java.util.function.Supplier<? extends Number> getter, String key, long fallback) {
            Number value = value(getter, key, "an integer", fallback);
            if (value.longValue() < min) {
                invalid.add(key + " must be at least " + min + ", got " + value);
                return fallback;
            }
            return value.longValue();
        }

        <T> T value(java.util.function.Supplier<? extends T> getter, String key, String expected, T fallback) {
            try {
                return getter.get();
            } catch (RuntimeException e) {
                // DS converts the configured text on access; text that does not convert fails here
                invalid.add(key + " must be " + expected + ", got \"" + properties.get(key) + "\"");
                return fallback;
            }
        }
    }
}
