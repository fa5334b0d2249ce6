// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Outbox;
import threatbus.api.Subscriber;
import threatbus.api.Subscription;
import threatbus.api.message.Message;

/**
 * One subscription and its bounded outbox. Backbones put messages in through {@link #outbox()}; a task on
 * the shared delivery executor drains the outbox serially into the subscriber, so a slow subscriber only
 * ever delays itself.
 */
public final class BusSubscription implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(BusSubscription.class);

    private final String id;
    private final String owner;
    private final List<String> topics;
    private final Subscriber subscriber;
    private final Executor executor;
    private final Supplier<OutboxSettings> settings;
    private final Metrics metrics;
    private final Consumer<BusSubscription> onUnsubscribe;
    private final OnceLog onceLog = new OnceLog(LOG);
    private final Outbox outbox = new OutboxView();

    /** queue, scheduled and closed are guarded by lock. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private boolean scheduled;
    private boolean closed;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile String snapshotId;

    BusSubscription(String id, String owner, List<String> topics, Subscriber subscriber, Executor executor,
            Supplier<OutboxSettings> settings, Metrics metrics, Consumer<BusSubscription> onUnsubscribe) {
        this.id = id;
        this.owner = owner;
        this.topics = List.copyOf(topics);
        this.subscriber = subscriber;
        this.executor = executor;
        this.settings = settings;
        this.metrics = metrics;
        this.onUnsubscribe = onUnsubscribe;
    }

    @Override
    public String id() {
        return id;
    }

    /** Who subscribed: the symbolic name of the bundle, or a description. */
    public String owner() {
        return owner;
    }

    @Override
    public List<String> topics() {
        return topics;
    }

    @Override
    public Optional<String> snapshotId() {
        return Optional.ofNullable(snapshotId);
    }

    void snapshotId(String snapshotId) {
        this.snapshotId = snapshotId;
    }

    @Override
    public long delivered() {
        return delivered.get();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }

    @Override
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isActive() {
        lock.lock();
        try {
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unsubscribe() {
        if (isActive()) {
            onUnsubscribe.accept(this);
        }
    }

    /** What backbones see. */
    Outbox outbox() {
        return outbox;
    }

    /** Queues a message, applying the overflow policy when the outbox is full. */
    void put(Message message) {
        OutboxSettings limits = settings.get();
        boolean schedule = false;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (queue.size() >= limits.capacity() && !makeRoom(limits)) {
                drop(message, limits.policy());
                return;
            }
            queue.addLast(message);
            if (!scheduled) {
                scheduled = true;
                schedule = true;
            }
        } finally {
            lock.unlock();
        }
        if (schedule) {
            schedule();
        }
    }

    /** Called with the lock held and the queue full. Returns true if there is room now. */
    private boolean makeRoom(OutboxSettings limits) {
        switch (limits.policy()) {
            case DROP_OLDEST -> {
                drop(queue.pollFirst(), limits.policy());
                return true;
            }
            case BLOCK -> {
                long nanos = TimeUnit.MILLISECONDS.toNanos(limits.blockMillis());
                try {
                    while (queue.size() >= limits.capacity() && nanos > 0 && !closed) {
                        nanos = notFull.awaitNanos(nanos);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return queue.size() < limits.capacity() && !closed;
            }
            default -> {
                return false;
            }
        }
    }

    private void drop(Message message, OverflowPolicy policy) {
        dropped.incrementAndGet();
        metrics.dropped(message.topic());
        onceLog.warn("overflow", "Outbox of subscription {} ({}, {}) is full at {} messages: dropping ({}); "
                + "further drops are counted, see threatbus:status", id, owner, topics, queue.size(), policy);
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the bus is shutting down: nothing will be delivered any more
            lock.lock();
            try {
                scheduled = false;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Delivers until the outbox is empty. Runs on at most one thread at a time. */
    private void drain() {
        while (true) {
            Message next;
            lock.lock();
            try {
                next = queue.pollFirst();
                if (next == null || closed) {
                    scheduled = false;
                    if (next == null) {
                        onceLog.clear("overflow");
                    }
                    return;
                }
                notFull.signal();
            } finally {
                lock.unlock();
            }
            deliver(next);
        }
    }

    private void deliver(Message message) {
        try {
            subscriber.onMessage(message);
            delivered.incrementAndGet();
            metrics.delivered(message.topic());
            failing.set(false);
        } catch (Exception | LinkageError e) {
            failed.incrementAndGet();
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Subscriber of {} ({}) failed on a {}; further failures are logged at DEBUG until it "
                        + "succeeds again", id, owner, message.typeName(), e);
            } else {
                LOG.debug("Subscriber of {} ({}) failed on a {}", id, owner, message.typeName(), e);
            }
        }
    }

    /** Ends delivery: queued messages are discarded, later puts ignored. */
    void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "subscription " + id + " (" + owner + ") to " + topics;
    }

    /** The backbone-facing view of this subscription. */
    private final class OutboxView implements Outbox {
        @Override
        public String subscriptionId() {
            return id;
        }

        @Override
        public List<String> topics() {
            return topics;
        }

        @Override
        public void put(Message message) {
            BusSubscription.this.put(message);
        }

        @Override
        public String toString() {
            return "outbox of " + BusSubscription.this;
        }
    }
}
