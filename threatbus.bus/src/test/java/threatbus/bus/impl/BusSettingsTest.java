// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Configuration problems are named by key; the bus keeps running on defaults. */
class BusSettingsTest {

    private final TestConfig config = new TestConfig();

    @Test
    void readsAValidConfiguration() {
        config.inboxCapacity = 5;
        config.overflow = OverflowPolicy.BLOCK;
        config.snapshotTtlS = 60;

        BusSettings.Parsed parsed = BusSettings.parse(config, config.properties());

        assertThat(parsed.invalid()).isEmpty();
        assertThat(parsed.unknown()).isEmpty();
        assertThat(parsed.settings()).isEqualTo(new BusSettings(5, 1_000,
                new OutboxSettings(10_000, OverflowPolicy.BLOCK, 1_000), Duration.ofSeconds(60)));
    }

    @Test
    void namesInvalidValuesAndUsesDefaultsForThem() {
        config.outboxCapacity = 0;
        config.publishTimeoutMs = -5;

        BusSettings.Parsed parsed = BusSettings.parse(config, config.properties());

        assertThat(parsed.invalid()).containsExactly("publish.timeout.ms must be at least 0, got -5",
                "outbox.capacity must be at least 1, got 0");
        assertThat(parsed.settings().outboxes().capacity()).isEqualTo(10_000);
        assertThat(parsed.settings().publishTimeoutMillis()).isEqualTo(1_000);
    }

    @Test
    void namesValuesThatDoNotConvert() {
        BusConfig unconvertible = new TestConfig() {
            @Override
            public OverflowPolicy outbox_overflow() {
                throw new IllegalArgumentException("No enum constant DROP_SOME");
            }
        };

        BusSettings.Parsed parsed = BusSettings.parse(unconvertible, config.properties("outbox.overflow", "DROP_SOME"));

        assertThat(parsed.invalid()).containsExactly(
                "outbox.overflow must be DROP_OLDEST, DROP_NEWEST or BLOCK, got \"DROP_SOME\"");
        assertThat(parsed.settings().outboxes().policy()).isEqualTo(OverflowPolicy.DROP_OLDEST);
    }

    @Test
    void reportsUnknownKeysButNotThoseOfTheFramework() {
        BusSettings.Parsed parsed = BusSettings.parse(config, config.properties("inbox.capacty", "5",
                "felix.fileinstall.filename", "file:/x/threatbus.bus.cfg", "component.id", 3L));

        assertThat(parsed.unknown()).containsExactly("inbox.capacty");
        assertThat(parsed.invalid()).isEmpty();
    }
}
