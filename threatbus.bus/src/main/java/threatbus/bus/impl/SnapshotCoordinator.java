// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Application;
import threatbus.api.BusOverloadedException;
import threatbus.api.SnapshotSink;
import threatbus.api.message.Message;
import threatbus.api.message.MessageType;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.api.message.SnapshotRequest;
import threatbus.api.message.StixObject;

/**
 * Snapshots as in the original (spec §1.9): a subscriber asking for history gets a snapshot id; a
 * {@link SnapshotRequest} per requested type travels over the backbone (so every host sharing a broker sees
 * it); every application may answer with envelopes; envelopes whose id is pending here are unwrapped and
 * put into the requester's outbox only. Unlike the original, pending ids expire.
 */
final class SnapshotCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCoordinator.class);

    /** Accepts a message into the bus; false when the inbox had no room. */
    interface Publisher {
        void publish(Message message) throws BusOverloadedException;
    }

    /** An application with its name, for logging. */
    record NamedApplication(String name, Application application) {
    }

    /**
     * A snapshot in progress: its requests, to ask an application that arrives while it is pending, and in
     * {@code delivered} id and modified of each item, to drop a second copy.
     */
    private record Pending(BusSubscription requester, long expiresAtMillis, List<SnapshotRequest> requests,
            Set<String> delivered) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Supplier<List<NamedApplication>> applications;
    private final Executor executor;
    private final Publisher publisher;
    private final LongAdder itemsDelivered = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private volatile long ttlMillis;

    SnapshotCoordinator(Supplier<List<NamedApplication>> applications, Executor executor, Publisher publisher,
            Duration ttl) {
        this.applications = applications;
        this.executor = executor;
        this.publisher = publisher;
        ttl(ttl);
    }

    void ttl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("snapshot.ttl.s must be positive, got " + ttl.getSeconds());
        }
        this.ttlMillis = ttl.toMillis();
    }

    /** The message types a subscription topic asks history for (spec §1.9). */
    static Set<MessageType> typesFor(String topic) {
        if (topic.equals("stix2") || topic.equals("stix2/")) {
            return EnumSet.of(MessageType.INDICATOR, MessageType.SIGHTING);
        }
        if (topic.endsWith("sighting")) {
            return EnumSet.of(MessageType.SIGHTING);
        }
        if (topic.endsWith("indicator")) {
            return EnumSet.of(MessageType.INDICATOR);
        }
        return EnumSet.noneOf(MessageType.class);
    }

    /**
     * Requests history for a new subscription. Returns the snapshot id, or empty if none of the topics names
     * a type history exists for.
     */
    Optional<String> request(BusSubscription requester, Collection<String> topics, Duration snapshot) {
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        topics.forEach(topic -> types.addAll(typesFor(topic)));
        if (types.isEmpty()) {
            return Optional.empty();
        }
        expireOld();
        String id = UUID.randomUUID().toString();
        List<SnapshotRequest> requests = types.stream().map(type -> new SnapshotRequest(type, id, snapshot)).toList();
        pending.put(id, new Pending(requester, System.currentTimeMillis() + ttlMillis, requests,
                ConcurrentHashMap.newKeySet()));
        requester.snapshotId(id);
        for (SnapshotRequest snapshotRequest : requests) {
            try {
                publisher.publish(snapshotRequest);
            } catch (BusOverloadedException e) {
                LOG.warn("Snapshot request {} for {} of {} not sent: {}", id, snapshotRequest.type(), requester,
                        e.getMessage());
            }
        }
        return Optional.of(id);
    }

    /** A request seen on the bus: ask every application, each on its own delivery task. */
    void onRequest(SnapshotRequest request) {
        for (NamedApplication app : applications.get()) {
            if (!ask(app, request)) {
                return; // shutting down
            }
        }
    }

    /**
     * An application that arrives (the store starting after the zmq app, MISP deployed later) is asked for the
     * snapshots still pending here, so that a subscriber who came first still gets its history; what other
     * applications sent already is not delivered twice.
     */
    void onApplicationAdded(NamedApplication app) {
        expireOld();
        for (Pending snapshot : pending.values()) {
            for (SnapshotRequest request : snapshot.requests()) {
                if (!ask(app, request)) {
                    return;
                }
            }
        }
    }

    private boolean ask(NamedApplication app, SnapshotRequest request) {
        SnapshotSink sink = item -> answer(request, item);
        try {
            executor.execute(() -> {
                try {
                    app.application().snapshot(request, sink);
                } catch (Exception | LinkageError e) {
                    LOG.error("Application {} failed to answer snapshot request {} ({})", app.name(),
                            request.snapshotId(), request.type(), e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void answer(SnapshotRequest request, StixObject item) throws BusOverloadedException {
        publisher.publish(SnapshotEnvelope.answering(request, item));
    }

    /** An envelope seen on the bus: deliver its body to the requester if the id is ours. */
    void onEnvelope(SnapshotEnvelope envelope) {
        Pending target = pending.get(envelope.snapshotId());
        if (target == null || target.expiresAtMillis() < System.currentTimeMillis()) {
            // normal with several hosts on one broker: the requester lives elsewhere
            unmatched.increment();
            LOG.debug("Snapshot envelope {} matches no pending snapshot here", envelope.snapshotId());
            return;
        }
        // several apps may hold the same item (the store and MISP): the requester gets each version once
        if (!target.delivered().add(envelope.body().id() + '|' + envelope.body().modified())) {
            duplicates.increment();
            return;
        }
        target.requester().outbox().put(envelope.body());
        itemsDelivered.increment();
    }

    /** Forgets the snapshots of a subscription that ended. */
    void forget(BusSubscription subscription) {
        pending.values().removeIf(p -> p.requester() == subscription);
    }

    int pendingCount() {
        expireOld();
        return pending.size();
    }

    long itemsDelivered() {
        return itemsDelivered.sum();
    }

    /** Items that came a second time for one snapshot (another app had them too) and were not delivered. */
    long duplicateItems() {
        return duplicates.sum();
    }

    long unmatchedEnvelopes() {
        return unmatched.sum();
    }

    long expiredCount() {
        return expired.sum();
    }

    private void expireOld() {
        long now = System.currentTimeMillis();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext();) {
            if (it.next().expiresAtMillis() < now) {
                it.remove();
                expired.increment();
            }
        }
    }
}
