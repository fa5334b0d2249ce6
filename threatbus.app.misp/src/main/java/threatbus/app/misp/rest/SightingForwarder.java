// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.app.misp.rest.MispApiException.Kind;

/**
 * Sends sightings to MISP from its own thread, so that the bus never waits for MISP. Sightings wait in a
 * bounded queue; transient failures are retried in place with exponential backoff (which keeps the order, and
 * while MISP is down the next sighting would fail too), permanent ones are dropped. Every sighting that does
 * not reach MISP is counted by {@link DropReason}. Thread-safe.
 */
public final class SightingForwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SightingForwarder.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    /** Bounds the memory of "already logged" permanent errors if MISP's messages vary. */
    private static final int MAX_REMEMBERED_ERRORS = 64;

    private final SightingSender sender;
    private final ForwarderSettings settings;
    private final BlockingQueue<MispSighting> queue;
    private final Thread worker;
    /** Counted down once by {@link #close()}; retry waits wait on it so that closing ends them at once. */
    private final CountDownLatch closed = new CountDownLatch(1);

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final Map<DropReason, AtomicLong> dropped = new EnumMap<>(DropReason.class);

    private final AtomicBoolean queueFullLogged = new AtomicBoolean();
    private final Set<String> loggedPermanentErrors = ConcurrentHashMap.newKeySet();
    /** Whether the last attempt failed transiently; only touched by the worker thread. */
    private boolean failing;
    /** Whether a sighting was given up on in the current outage; only touched by the worker thread. */
    private boolean gaveUpLogged;

    private SightingForwarder(SightingSender sender, ForwarderSettings settings, String name) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new AtomicLong());
        }
        this.worker = new Thread(this::run, name);
        worker.setDaemon(true);
    }

    /**
     * Starts a forwarder with a worker thread named {@code name}.
     *
     * @param sender usually {@code client::addSighting}
     */
    public static SightingForwarder start(SightingSender sender, ForwarderSettings settings, String name) {
        SightingForwarder forwarder = new SightingForwarder(sender, settings, name);
        forwarder.worker.start();
        return forwarder;
    }

    /**
     * Queues a sighting, waiting at most {@link ForwarderSettings#offerTimeout()} for room.
     *
     * @return whether it was queued; if not, it is counted as {@link DropReason#QUEUE_FULL} (or
     *     {@link DropReason#SHUTDOWN} after {@link #close()})
     */
    public boolean offer(MispSighting sighting) {
        Objects.requireNonNull(sighting, "sighting");
        if (isClosed()) {
            drop(DropReason.SHUTDOWN);
            return false;
        }
        boolean accepted;
        try {
            accepted = queue.offer(sighting, settings.offerTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            accepted = false;
        }
        if (accepted) {
            queued.incrementAndGet();
            queueFullLogged.set(false);
            return true;
        }
        drop(DropReason.QUEUE_FULL);
        if (queueFullLogged.compareAndSet(false, true)) {
            LOG.warn("MISP sighting queue full ({} waiting): dropping sightings until there is room again",
                    settings.capacity());
        }
        return false;
    }

    public ForwarderStats stats() {
        Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
        dropped.forEach((reason, count) -> counts.put(reason, count.get()));
        return new ForwarderStats(queued.get(), sent.get(), retried.get(), queue.size(), counts);
    }

    /**
     * Stops the worker without waiting for retries or for MISP: an ongoing call is interrupted, and what is
     * still queued is counted as {@link DropReason#SHUTDOWN}.
     */
    @Override
    public void close() {
        if (isClosed()) {
            return;
        }
        closed.countDown();
        worker.interrupt();
        try {
            worker.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("MISP sighting forwarder {} did not stop within {}", worker.getName(), JOIN_TIMEOUT);
        }
        dropQueued();
        LOG.info("MISP sighting forwarder stopped: {}", stats());
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void run() {
        while (!isClosed()) {
            MispSighting sighting;
            try {
                sighting = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            deliver(sighting);
        }
        dropQueued();
    }

    private void deliver(MispSighting sighting) {
        for (int attempt = 1; ; attempt++) {
            try {
                sender.send(sighting);
                sent.incrementAndGet();
                if (failing) {
                    failing = false;
                    LOG.info("MISP accepts sightings again");
                }
                return;
            } catch (MispApiException e) {
                if (isClosed()) {
                    drop(DropReason.SHUTDOWN);
                    return;
                }
                if (e.kind() == Kind.PERMANENT) {
                    drop(DropReason.PERMANENT_ERROR);
                    logPermanent(sighting, e);
                    return;
                }
                logTransient(sighting, e, attempt);
                if (attempt >= settings.maxAttempts()) {
                    drop(DropReason.GAVE_UP);
                    return;
                }
            } catch (RuntimeException e) {
                drop(DropReason.PERMANENT_ERROR);
                LOG.error("Sending a sighting of MISP attribute {} failed", sighting.attributeUuid(), e);
                return;
            }
            retried.incrementAndGet();
            if (!pause(settings.backoff(attempt))) {
                drop(DropReason.SHUTDOWN);
                return;
            }
        }
    }

    /** Waits before a retry; false if the forwarder closed meanwhile. */
    private boolean pause(Duration wait) {
        try {
            return !closed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return false; // only close() interrupts the worker
        }
    }

    private void logPermanent(MispSighting sighting, MispApiException e) {
        String kind = e.status().orElse(0) + " " + e.mispMessage();
        if (loggedPermanentErrors.size() < MAX_REMEMBERED_ERRORS && loggedPermanentErrors.add(kind)) {
            LOG.warn("MISP refused a sighting of attribute {}: {} (not retried; further sightings refused this way"
                    + " are only counted)", sighting.attributeUuid(), e.getMessage());
        } else {
            LOG.debug("MISP refused a sighting of attribute {}: {}", sighting.attributeUuid(), e.getMessage());
        }
    }

    /** Logs an outage once when it starts and once at the first sighting it costs, the rest at DEBUG. */
    private void logTransient(MispSighting sighting, MispApiException e, int attempt) {
        boolean givingUp = attempt >= settings.maxAttempts();
        if (!failing) {
            failing = true;
            gaveUpLogged = false;
            LOG.warn("MISP sighting failed: {}; retrying each sighting up to {} times", e.getMessage(),
                    settings.maxAttempts());
        } else {
            LOG.debug("MISP sighting attempt {} failed: {}", attempt, e.getMessage());
        }
        if (givingUp && !gaveUpLogged) {
            gaveUpLogged = true;
            LOG.warn("Gave up on a sighting of MISP attribute {} after {} attempts; further ones are only counted"
                    + " until MISP accepts sightings again", sighting.attributeUuid(), attempt);
        }
    }

    private void dropQueued() {
        while (queue.poll() != null) {
            drop(DropReason.SHUTDOWN);
        }
    }

    private void drop(DropReason reason) {
        dropped.get(reason).incrementAndGet();
    }
}
