// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.store.IntelStoreTest.ID;
import static threatbus.store.IntelStoreTest.indicator;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import threatbus.api.message.Indicator;
import threatbus.api.message.MessageType;
import threatbus.api.message.Operation;
import threatbus.api.message.SnapshotRequest;
import threatbus.api.message.StixObject;
import threatbus.api.metrics.Sample;
import threatbus.testing.TestBus;

/** The store as the bus uses it: it keeps what is published, answers snapshots and withdraws expired intel. */
class StoreAppTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path folder;

    private final TestBus bus = new TestBus();
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void aSnapshotIsAnsweredFromWhatTheBusCarried() throws Exception {
        StoreApp app = start();
        try {
            bus.publish(indicator(ID, NOW.minus(Duration.ofDays(2)), "6.6.6.6").build());
            bus.publish(indicator("indicator--00000000-0000-4000-8000-000000000002", NOW.minus(Duration.ofDays(40)),
                    "7.7.7.7").build());
            bus.publish(IntelStoreTest.sighting("sighting--00000000-0000-4000-8000-000000000001",
                    NOW.minus(Duration.ofDays(1))));
            await(() -> app.counters().stored.sum() == 2 && app.counters().sightings.sum() == 1);
            List<StixObject> indicators = new CopyOnWriteArrayList<>();
            List<StixObject> sightings = new CopyOnWriteArrayList<>();

            app.snapshot(new SnapshotRequest(MessageType.INDICATOR, "a", Duration.ofDays(30)), indicators::add);
            app.snapshot(new SnapshotRequest(MessageType.SIGHTING, "b", Duration.ofDays(30)), sightings::add);

            await(() -> app.counters().snapshots.sum() == 2);
            assertThat(indicators).extracting(StixObject::id).containsExactly(ID);
            assertThat(sightings).hasSize(1);
        } finally {
            app.deactivate();
        }
    }

    @Test
    void anIndicatorIsWithdrawnOnceWhenItsValidUntilPassesAlsoAcrossARestart() throws Exception {
        StoreApp app = start();
        Instant until = NOW.plusSeconds(60);
        try {
            bus.publish(indicator(ID, NOW, "6.6.6.6").validUntil(until).build());
            await(() -> app.counters().stored.sum() == 1);
            clock.set(until);
            await(() -> app.counters().expired.sum() == 1);
            assertThat(withdrawals()).singleElement().satisfies(w -> {
                assertThat(w.id()).isEqualTo(ID);
                assertThat(w.update()).hasValue(Operation.REMOVE);
            });
            // the withdrawal came back over the bus and retired the indicator in the store
            await(() -> app.counters().retired.sum() == 1);
            assertThat(IntelStore.isActive(app.store().indicator(ID).orElseThrow())).isFalse();
        } finally {
            app.deactivate();
        }

        StoreApp again = start();
        try {
            clock.set(until.plusSeconds(3_600));
            // the claim was committed before the withdrawal went out: nothing is due a second time
            assertThat(again.store().pendingExpiries()).isZero();
            assertThat(again.store().dueForExpiry(clock.instant(), 10)).isEmpty();
            assertThat(withdrawals()).hasSize(1);
        } finally {
            again.deactivate();
        }
    }

    @Test
    void anExpiryThatPassedWhileTheBusWasDownFiresAfterTheStart() throws Exception {
        StoreApp app = start();
        Instant until = NOW.plusSeconds(60);
        try {
            bus.publish(indicator(ID, NOW, "6.6.6.6").validUntil(until).build());
            await(() -> app.counters().stored.sum() == 1);
        } finally {
            app.deactivate();
        }
        clock.set(until.plusSeconds(3_600));

        StoreApp again = start();
        try {
            await(() -> again.counters().expired.sum() == 1);
            assertThat(withdrawals()).hasSize(1);
        } finally {
            again.deactivate();
        }
    }

    @Test
    void itsFiguresAreScraped() throws Exception {
        StoreApp app = start();
        try {
            bus.publish(indicator(ID, NOW, "6.6.6.6").validUntil(NOW.plusSeconds(60)).build());
            bus.publish(indicator(ID, NOW.minusSeconds(1), "6.6.6.6").build());
            await(() -> app.counters().stale.sum() == 1);

            List<Sample> samples = new StoreMetricsSource(app).samples();

            assertThat(samples).filteredOn(s -> s.name().equals("threatbus_store_indicators"))
                    .extracting(Sample::value).containsExactly(1.0);
            assertThat(samples).filteredOn(s -> s.name().equals("threatbus_store_expiries_pending"))
                    .extracting(Sample::value).containsExactly(1.0);
            assertThat(samples).filteredOn(s -> s.name().equals("threatbus_store_indicator_versions_total"))
                    .extracting(s -> s.labels().get("outcome") + "=" + s.value())
                    .containsExactly("stored=1.0", "retired=0.0", "stale=1.0");
        } finally {
            app.deactivate();
        }
    }

    private List<Indicator> withdrawals() {
        return bus.published.stream().filter(m -> m instanceof Indicator i && i.update().isPresent())
                .map(Indicator.class::cast).toList();
    }

    private StoreApp start() {
        return new StoreApp(bus, config(folder.toString(), 30), clock);
    }

    static StoreConfig config(String path, int retentionDays) {
        return new StoreConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreConfig.class;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public int sighting_retention_days() {
                return retentionDays;
            }

            @Override
            public int indicator_versions() {
                return 10;
            }
        };
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
