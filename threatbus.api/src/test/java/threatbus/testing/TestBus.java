// SPDX-License-Identifier: BSD-3-Clause
package threatbus.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import threatbus.api.Bus;
import threatbus.api.BusOverloadedException;
import threatbus.api.Subscriber;
import threatbus.api.Subscription;
import threatbus.api.message.Message;

/**
 * A small in-memory bus for plugins' unit tests (the integration tests use the real one). Published messages
 * are recorded and routed by topic prefix, once per matching prefix, to every live subscription; each
 * subscription has an unbounded outbox and its own delivery thread. {@link #refuseNext} makes the next
 * publishes fail as a full bus would.
 */
public final class TestBus implements Bus {

    private static final Object STOP = new Object();
    private static final AtomicLong IDS = new AtomicLong();

    /** One subscription, with the snapshot interval it asked for. */
    public static final class TestSubscription implements Subscription {
        public final String id = "test-" + IDS.incrementAndGet();
        public final List<String> topics;
        public final Duration snapshot;
        public final Subscriber subscriber;
        public final Thread delivery;
        private final BlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private volatile boolean active = true;

        TestSubscription(Collection<String> topics, Duration snapshot, Subscriber subscriber) {
            this.topics = List.copyOf(topics);
            this.snapshot = snapshot;
            this.subscriber = subscriber;
            this.delivery = new Thread(this::deliver, "test-bus-" + id);
            delivery.setDaemon(true);
        }

        private void deliver() {
            try {
                Object next;
                while ((next = outbox.take()) != STOP) {
                    try {
                        subscriber.onMessage((Message) next);
                        delivered.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void offer(Message message) {
            if (!active) {
                return;
            }
            for (String topic : topics) {
                if (message.topic().startsWith(topic)) {
                    outbox.add(message);
                }
            }
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<String> topics() {
            return topics;
        }

        /** A subscription with a snapshot interval has a snapshot id, as the bus gives it. */
        @Override
        public Optional<String> snapshotId() {
            return snapshot.isZero() ? Optional.empty() : Optional.of("snapshot-" + id);
        }

        @Override
        public long delivered() {
            return delivered.get();
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public long failed() {
            return failed.get();
        }

        @Override
        public int queued() {
            return (int) outbox.stream().filter(m -> m != STOP).count();
        }

        @Override
        public boolean isActive() {
            return active;
        }

        /** Messages queued before this are dropped; a delivery under way finishes. */
        @Override
        public void unsubscribe() {
            active = false;
            outbox.clear();
            outbox.add(STOP);
        }
    }

    public final List<TestSubscription> subscriptions = new CopyOnWriteArrayList<>();
    public final List<Message> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    @Override
    public void publish(Message message) throws BusOverloadedException {
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.incrementAndGet();
            throw new BusOverloadedException("test bus refuses");
        }
        published.add(message);
        subscriptions.forEach(s -> s.offer(message));
    }

    @Override
    public Subscription subscribe(Collection<String> topics, Duration snapshot, Subscriber subscriber) {
        if (topics.isEmpty() || snapshot.isNegative()) {
            throw new IllegalArgumentException("bad subscription");
        }
        TestSubscription subscription = new TestSubscription(topics, snapshot, subscriber);
        subscriptions.add(subscription);
        subscription.delivery.start();
        return subscription;
    }

    /** The next {@code count} publishes throw {@link BusOverloadedException}. */
    public void refuseNext(int count) {
        refusals.set(count);
    }

    /** How many publishes were refused. */
    public int refused() {
        return refused.get();
    }

    public List<TestSubscription> active() {
        return subscriptions.stream().filter(TestSubscription::isActive).toList();
    }

    /** Ends every subscription, for the end of a test. */
    public void close() {
        subscriptions.forEach(TestSubscription::unsubscribe);
    }
}
