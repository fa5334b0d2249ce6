// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Application;
import threatbus.api.ApplicationName;
import threatbus.api.Bus;
import threatbus.api.BusOverloadedException;
import threatbus.api.Publishing;
import threatbus.api.SnapshotSink;
import threatbus.api.Subscription;
import threatbus.api.history.IntelHistory;
import threatbus.api.history.Versions;
import threatbus.api.message.Indicator;
import threatbus.api.message.Message;
import threatbus.api.message.MessageType;
import threatbus.api.message.Operation;
import threatbus.api.message.Sighting;
import threatbus.api.message.SnapshotRequest;
import threatbus.api.message.StixObject;

/**
 * The bus's memory: keeps every indicator and sighting it carries in an {@link IntelStore}, answers snapshot
 * requests for indicators and sightings from it (so a late subscriber gets history with no MISP), and
 * withdraws an indicator with an {@code x_threatbus_update: REMOVE} when its {@code valid_until} passes.
 * Enabled by {@link StoreSwitch} unless the configuration turns it off.
 */
@Component(name = StoreApp.PID, enabled = false, immediate = true, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {Application.class, IntelHistory.class, StoreApp.class})
@ApplicationName(name = "store")
@Designate(ocd = StoreConfig.class)
public final class StoreApp implements Application, IntelHistory {

    public static final String PID = "threatbus.store";
    static final String FILE_NAME = "threatbus-store.mv.db";

    private static final Logger LOG = LoggerFactory.getLogger(StoreApp.class);
    private static final long EXPIRY_CHECK_MILLIS = 250;
    private static final long PRUNE_MINUTES = 10;
    private static final long BUS_RETRY_MILLIS = 10;

    private final Bus bus;
    private final Clock clock;
    private final IntelStore store;
    private final Duration retention;
    private final Subscription subscription;
    private final ScheduledExecutorService housekeeping;
    private final ExecutorService answers;
    private final StoreCounters counters = new StoreCounters();
    private volatile boolean running = true;

    @Activate
    public StoreApp(@Reference Bus bus, StoreConfig config) {
        this(bus, config, Clock.systemUTC());
    }

    StoreApp(Bus bus, StoreConfig config, Clock clock) {
        if (config.sighting_retention_days() < 1) {
            throw new IllegalArgumentException("store.sighting_retention_days must be at least 1, got "
                    + config.sighting_retention_days());
        }
        if (config.indicator_versions() < 1) {
            throw new IllegalArgumentException("store.indicator_versions must be at least 1, got "
                    + config.indicator_versions());
        }
        this.bus = bus;
        this.clock = clock;
        this.retention = Duration.ofDays(config.sighting_retention_days());
        try {
            this.store = IntelStore.open(Path.of(config.path()).resolve(FILE_NAME), config.indicator_versions());
        } catch (IllegalStateException | UncheckedIOException e) {
            LOG.error("Store not started: {}", e.getMessage());
            throw e;
        }
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("threatbus-store-expiry"));
        this.answers = Executors.newSingleThreadExecutor(daemon("threatbus-store-snapshots"));
        this.subscription = bus.subscribe(List.of("stix2/indicator", "stix2/sighting"), Duration.ZERO, this::keep);
        housekeeping.scheduleWithFixedDelay(this::expire, 0, EXPIRY_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(this::prune, 0, PRUNE_MINUTES, TimeUnit.MINUTES);
        LOG.info("Store at {}: {} indicators, {} sightings, {} expiries pending", store.file().toAbsolutePath(),
                store.indicatorCount(), store.sightingCount(), store.pendingExpiries());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Every indicator and sighting on the bus, the store's own withdrawals included. */
    private void keep(Message message) {
        if (message instanceof Indicator indicator) {
            counters.indicator(store.put(indicator));
        } else if (message instanceof Sighting sighting) {
            store.add(sighting);
            counters.sightings.increment();
        }
    }

    @Override
    public void snapshot(SnapshotRequest request, SnapshotSink sink) {
        if (request.type() != MessageType.INDICATOR && request.type() != MessageType.SIGHTING) {
            return;
        }
        try {
            answers.execute(() -> answer(request, sink));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void answer(SnapshotRequest request, SnapshotSink sink) {
        Instant now = clock.instant();
        Instant since = now.minus(request.snapshot());
        LongAdder items = new LongAdder();
        if (request.type() == MessageType.INDICATOR) {
            store.activeIndicators(since, now, indicator -> send(sink, indicator, items));
        } else {
            store.sightingsSince(since, sighting -> send(sink, sighting, items));
        }
        counters.snapshots.increment();
        counters.snapshotItems.add(items.sum());
        LOG.info("Answered snapshot {} ({}, {}) from the store with {} items", request.snapshotId(),
                request.type(), request.snapshot(), items.sum());
    }

    /** Waits for room in the bus as long as the store runs; a snapshot is worth the wait. */
    private void send(SnapshotSink sink, StixObject item, LongAdder items) {
        while (running) {
            try {
                sink.add(item);
                items.increment();
                return;
            } catch (BusOverloadedException e) {
                pause();
            }
        }
    }

    private void expire() {
        try {
            for (Indicator due : store.dueForExpiry(clock.instant(), 1_000)) {
                if (!running || !store.claimExpiry(due)) {
                    continue;
                }
                Indicator withdrawal = due.toBuilder().update(Operation.REMOVE).build();
                if (Publishing.untilAccepted(bus, withdrawal, () -> running, () -> LOG.debug("bus full"))) {
                    counters.expired.increment();
                    LOG.info("Indicator {} expired (valid_until {}): withdrawn", due.id(), due.validUntil().get());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Store expiry check failed; it runs again shortly", e);
        }
    }

    private void prune() {
        try {
            int dropped = store.pruneSightings(clock.instant().minus(retention));
            if (dropped > 0) {
                LOG.info("Dropped {} sightings older than {} days", dropped, retention.toDays());
            }
        } catch (RuntimeException e) {
            LOG.error("Store pruning failed; it runs again in {} minutes", PRUNE_MINUTES, e);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(BUS_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<Entry> added(Collection collection, Versions versions, Optional<Instant> addedAfter, int limit,
            Predicate<StixObject> filter) {
        return entries(store.added(kind(collection), versions, addedAfter.map(StoreKeys::addedKey).orElse(null),
                limit, filter));
    }

    @Override
    public List<Entry> versions(Collection collection, String id) {
        return entries(store.versions(kind(collection), id));
    }

    private static IntelStore.Kind kind(Collection collection) {
        return collection == Collection.INDICATORS ? IntelStore.Kind.INDICATORS : IntelStore.Kind.SIGHTINGS;
    }

    private static List<Entry> entries(List<IntelStore.Added> added) {
        return added.stream().map(a -> new Entry(a.object(), a.dateAdded())).toList();
    }

    IntelStore store() {
        return store;
    }

    StoreCounters counters() {
        return counters;
    }

    Duration retention() {
        return retention;
    }

    @Deactivate
    void deactivate() {
        running = false;
        subscription.unsubscribe();
        housekeeping.shutdownNow();
        answers.shutdownNow();
        try {
            housekeeping.awaitTermination(5, TimeUnit.SECONDS);
            answers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        LOG.info("Store closed");
    }
}
