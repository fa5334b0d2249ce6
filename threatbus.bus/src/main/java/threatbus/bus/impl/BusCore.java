// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Application;
import threatbus.api.Backbone;
import threatbus.api.BusOverloadedException;
import threatbus.api.Subscriber;
import threatbus.api.ThreatBusConstants;
import threatbus.api.message.Message;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.api.message.SnapshotRequest;
import threatbus.api.message.Topics;

/**
 * The bus core (ARCHITECTURE §5): one bounded inbox, the dispatcher that hands messages to the active
 * backbone, the subscription registry every backbone learns from, per-subscription outboxes, and snapshot
 * coordination. Applications reach it through the bundle-scoped {@link BusService}.
 *
 * <p>Backbones and applications are tracked dynamically; their arrival and departure never restarts the
 * core. Every call into a plugin is guarded.
 */
@Component(name = BusCore.PID, service = BusCore.class, immediate = true)
@Designate(ocd = BusConfig.class)
public final class BusCore {

    public static final String PID = "threatbus.bus";

    private static final Logger LOG = LoggerFactory.getLogger(BusCore.class);
    private static final long SHUTDOWN_FLUSH_MILLIS = 2_000;

    private final Metrics metrics = new Metrics();
    private final BackboneSelector backbones = new BackboneSelector();
    private final List<SnapshotCoordinator.NamedApplication> applications = new CopyOnWriteArrayList<>();
    private final Map<Application, ApplicationEntry> applicationEntries = new ConcurrentHashMap<>();
    private final AtomicLong subscriptionIds = new AtomicLong();
    private final ExecutorService delivery = DeliveryThreads.newExecutor();

    /**
     * Subscriptions, in creation order. Changes to it, and the backbone subscribe/unsubscribe calls that go
     * with them, happen under this map's monitor, so that a backbone arriving concurrently learns every
     * subscription exactly once.
     */
    private final Map<String, BusSubscription> subscriptions = new LinkedHashMap<>();

    private volatile Inbox inbox;
    private volatile long publishTimeoutMillis;
    private volatile OutboxSettings outboxSettings;
    private volatile boolean accepting;
    private Dispatcher dispatcher;
    private volatile SnapshotCoordinator snapshots;
    private BusSubscription snapshotSubscription;

    private record ApplicationEntry(String name, long serviceId, String bundle) {
    }

    @Activate
    void activate(BusConfig config, Map<String, Object> properties) {
        BusSettings settings = settings(config, properties, "using the default instead");
        inbox = new Inbox(settings.inboxCapacity());
        apply(settings);
        snapshots = new SnapshotCoordinator(() -> applications, delivery, this::publish, settings.snapshotTtl());
        dispatcher = new Dispatcher(inbox, backbones, metrics);
        accepting = true;
        dispatcher.start();
        // the bus answers snapshot traffic like any subscriber, so that it works across hosts too
        snapshotSubscription = subscribe("threatbus.bus", List.of(Topics.SNAPSHOT_REQUEST, Topics.SNAPSHOT_ENVELOPE),
                Duration.ZERO, this::onSnapshotMessage);
        LOG.info("Threat Bus core started: inbox {} messages, outboxes {} messages ({})", settings.inboxCapacity(),
                outboxSettings.capacity(), outboxSettings.policy());
    }

    /** A configuration change: applied as a whole if valid, otherwise the running configuration stays. */
    @Modified
    void modified(BusConfig config, Map<String, Object> properties) {
        BusSettings.Parsed parsed = BusSettings.parse(config, properties);
        warnUnknown(parsed);
        if (!parsed.invalid().isEmpty()) {
            LOG.error("Configuration {} rejected, the running configuration stays: {}", PID,
                    String.join("; ", parsed.invalid()));
            return;
        }
        BusSettings settings = parsed.settings();
        inbox.setCapacity(settings.inboxCapacity());
        apply(settings);
        snapshots.ttl(settings.snapshotTtl());
        LOG.info("Threat Bus core reconfigured: inbox {} messages, outboxes {} messages ({})",
                settings.inboxCapacity(), outboxSettings.capacity(), outboxSettings.policy());
    }

    /** The settings to start with: invalid values are reported and replaced by defaults, so the bus runs. */
    private static BusSettings settings(BusConfig config, Map<String, Object> properties, String consequence) {
        BusSettings.Parsed parsed = BusSettings.parse(config, properties);
        warnUnknown(parsed);
        for (String problem : parsed.invalid()) {
            LOG.error("Configuration {}: {}; {}", PID, problem, consequence);
        }
        return parsed.settings();
    }

    private static void warnUnknown(BusSettings.Parsed parsed) {
        if (!parsed.unknown().isEmpty()) {
            LOG.warn("Configuration {} has unknown keys {}, ignored; the keys are {}", PID, parsed.unknown(),
                    new TreeSet<>(BusSettings.KEYS));
        }
    }

    private void apply(BusSettings settings) {
        outboxSettings = settings.outboxes();
        publishTimeoutMillis = settings.publishTimeoutMillis();
    }

    @Deactivate
    void deactivate() {
        accepting = false;
        try {
            if (backbones.active() != null && !dispatcher.awaitEmpty(SHUTDOWN_FLUSH_MILLIS)) {
                LOG.warn("Stopping with {} accepted messages not yet handed to a backbone", dispatcher.pending());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatcher.stop(SHUTDOWN_FLUSH_MILLIS);
        List<BusSubscription> remaining;
        synchronized (subscriptions) {
            remaining = new ArrayList<>(subscriptions.values());
        }
        remaining.forEach(this::unsubscribe);
        DeliveryThreads.shutdown(delivery, SHUTDOWN_FLUSH_MILLIS);
        LOG.info("Threat Bus core stopped");
    }

    // --- publishing ---------------------------------------------------------------------------------

    /** Accepts a message into the inbox (see {@link threatbus.api.Bus#publish}). */
    public void publish(Message message) throws BusOverloadedException {
        Objects.requireNonNull(message, "message");
        if (!accepting) {
            throw new BusOverloadedException("the bus is not running");
        }
        try {
            if (!inbox.offer(message, publishTimeoutMillis)) {
                metrics.rejected();
                throw new BusOverloadedException("the inbox stayed full (" + inbox.capacity() + " messages) for "
                        + publishTimeoutMillis + " ms: " + message.typeName() + " rejected");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.rejected();
            throw new BusOverloadedException("interrupted while waiting for room in the inbox");
        }
        metrics.accepted(message.topic());
    }

    // --- subscriptions ------------------------------------------------------------------------------

    /** Creates a subscription (see {@link threatbus.api.Bus#subscribe}); {@code owner} names who made it. */
    public BusSubscription subscribe(String owner, Collection<String> topics, Duration snapshot,
            Subscriber subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(snapshot, "snapshot");
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one topic");
        }
        for (String topic : topics) {
            if (topic == null) {
                throw new IllegalArgumentException("topics must not be null");
            }
        }
        if (snapshot.isNegative()) {
            throw new IllegalArgumentException("snapshot must not be negative: " + snapshot);
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(topics));
        String id = "s" + subscriptionIds.incrementAndGet();
        BusSubscription subscription = new BusSubscription(id, owner, distinct, subscriber, delivery,
                () -> outboxSettings, metrics, this::unsubscribe);
        synchronized (subscriptions) {
            subscriptions.put(id, subscription);
            for (BackboneSelector.Entry backbone : backbones.all()) {
                guard(backbone.name(), "subscribe", () -> backbone.backbone().subscribe(subscription.outbox()));
            }
        }
        if (!snapshot.isZero()) {
            snapshots.request(subscription, distinct, snapshot);
        }
        LOG.debug("+ {}", subscription);
        return subscription;
    }

    /** Ends a subscription; idempotent. */
    public void unsubscribe(BusSubscription subscription) {
        synchronized (subscriptions) {
            if (subscriptions.remove(subscription.id()) == null) {
                return;
            }
            for (BackboneSelector.Entry backbone : backbones.all()) {
                guard(backbone.name(), "unsubscribe", () -> backbone.backbone().unsubscribe(subscription.outbox()));
            }
        }
        subscription.close();
        if (snapshots != null) {
            snapshots.forget(subscription);
        }
        LOG.debug("- {}", subscription);
    }

    /** The live subscription with this id. */
    public Optional<BusSubscription> subscription(String id) {
        synchronized (subscriptions) {
            return Optional.ofNullable(subscriptions.get(id));
        }
    }

    private void onSnapshotMessage(Message message) {
        if (message instanceof SnapshotRequest request) {
            snapshots.onRequest(request);
        } else if (message instanceof SnapshotEnvelope envelope) {
            snapshots.onEnvelope(envelope);
        }
    }

    // --- backbones and applications ------------------------------------------------------------------

    @Reference(service = Backbone.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindBackbone(Backbone backbone, ServiceReference<Backbone> reference) {
        addBackbone(backboneEntry(backbone, reference));
    }

    void updatedBackbone(Backbone backbone, ServiceReference<Backbone> reference) {
        updateBackbone(backboneEntry(backbone, reference));
    }

    void unbindBackbone(Backbone backbone) {
        removeBackbone(backbone);
    }

    @Reference(service = Application.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindApplication(Application application, ServiceReference<Application> reference) {
        addApplication(application, name(reference, ThreatBusConstants.APPLICATION_NAME, application),
                serviceId(reference), bundle(reference));
    }

    void unbindApplication(Application application) {
        removeApplication(application);
    }

    /** A backbone arrived: it learns every live subscription before it can become active. */
    void addBackbone(BackboneSelector.Entry entry) {
        synchronized (subscriptions) {
            for (BusSubscription subscription : subscriptions.values()) {
                guard(entry.name(), "subscribe", () -> entry.backbone().subscribe(subscription.outbox()));
            }
            backbones.add(entry);
        }
        LOG.info("+ backbone {} (ranking {}, {}){}", entry.name(), entry.ranking(), entry.bundle(),
                backbones.active() == entry ? ": active" : ": standby");
    }

    /** A backbone's ranking, name or reported state changed. */
    void updateBackbone(BackboneSelector.Entry entry) {
        BackboneSelector.Entry before = backbones.active();
        backbones.update(entry);
        BackboneSelector.Entry after = backbones.active();
        if (before == null || after == null || before.backbone() != after.backbone()) {
            LOG.info("~ backbone {} now has ranking {}; active: {}", entry.name(), entry.ranking(),
                    after == null ? "none" : after.name());
        }
    }

    void removeBackbone(Backbone backbone) {
        BackboneSelector.Entry removed;
        synchronized (subscriptions) {
            removed = backbones.remove(backbone);
        }
        if (removed != null) {
            BackboneSelector.Entry active = backbones.active();
            LOG.info("- backbone {}; active: {}", removed.name(), active == null ? "none (messages wait)" : active.name());
        }
    }

    void addApplication(Application application, String name, long serviceId, String bundle) {
        applicationEntries.put(application, new ApplicationEntry(name, serviceId, bundle));
        SnapshotCoordinator.NamedApplication named = new SnapshotCoordinator.NamedApplication(name, application);
        applications.add(named);
        LOG.info("+ application {} ({})", name, bundle);
        SnapshotCoordinator coordinator = snapshots;
        if (coordinator != null) {
            coordinator.onApplicationAdded(named);
        }
    }

    void removeApplication(Application application) {
        ApplicationEntry entry = applicationEntries.remove(application);
        applications.removeIf(a -> a.application() == application);
        if (entry != null) {
            LOG.info("- application {}", entry.name());
        }
    }

    // --- status ---------------------------------------------------------------------------------------

    /** A consistent-enough view for operators: counters are read without stopping traffic. */
    public BusStatus status() {
        BackboneSelector.Entry active = backbones.active();
        List<BusStatus.BackboneRow> backboneRows = backbones.all().stream()
                .map(b -> new BusStatus.BackboneRow(b.name(), b.ranking(), b.serviceId(), b.bundle(), b == active,
                        b.state()))
                .toList();
        List<BusStatus.ApplicationRow> applicationRows = applicationEntries.values().stream()
                .map(a -> new BusStatus.ApplicationRow(a.name(), a.serviceId(), a.bundle()))
                .sorted(Comparator.comparing(BusStatus.ApplicationRow::name)).toList();
        List<BusSubscription> live;
        synchronized (subscriptions) {
            live = new ArrayList<>(subscriptions.values());
        }
        List<BusStatus.SubscriptionRow> subscriptionRows = live.stream()
                .map(s -> new BusStatus.SubscriptionRow(s.id(), s.owner(), s.topics(), s.queued(), s.delivered(),
                        s.dropped(), s.failed()))
                .toList();
        return new BusStatus(backboneRows, applicationRows,
                new BusStatus.InboxRow(dispatcher.pending(), inbox.capacity(), publishTimeoutMillis,
                        metrics.rejectedCount(), metrics.dispatchFailureCount()),
                outboxSettings, subscriptionRows, metrics.topics(),
                new BusStatus.SnapshotRow(snapshots.pendingCount(), snapshots.itemsDelivered(),
                        snapshots.duplicateItems(), snapshots.unmatchedEnvelopes(), snapshots.expiredCount()));
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static BackboneSelector.Entry backboneEntry(Backbone backbone, ServiceReference<?> reference) {
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        return new BackboneSelector.Entry(backbone, name(reference, ThreatBusConstants.BACKBONE_NAME, backbone),
                ranking instanceof Integer r ? r : 0, serviceId(reference), bundle(reference),
                reference.getProperty(ThreatBusConstants.BACKBONE_STATE) instanceof String state ? state : "");
    }

    private static String name(ServiceReference<?> reference, String key, Object service) {
        Object name = reference.getProperty(key);
        return name != null ? name.toString() : service.getClass().getName();
    }

    private static long serviceId(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_ID) instanceof Long id ? id : -1;
    }

    private static String bundle(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? "?" : bundle.getSymbolicName();
    }

    /** Runs a call into a plugin; a failure is logged with context and goes no further. */
    private static void guard(String plugin, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Backbone {} failed in {}; continuing without it for this call", plugin, what, e);
        }
    }
}
