// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import threatbus.api.Bus;
import threatbus.api.Subscriber;
import threatbus.api.Subscription;
import threatbus.api.message.Message;

/** A bus that records subscriptions and publications, for protocol unit tests (the ITs use the real one). */
final class FakeBus implements Bus {

    /** One recorded subscription. */
    static final class Recorded implements Subscription {
        final List<String> topics;
        final Duration snapshot;
        final Subscriber subscriber;
        volatile boolean active = true;

        Recorded(Collection<String> topics, Duration snapshot, Subscriber subscriber) {
            this.topics = List.copyOf(topics);
            this.snapshot = snapshot;
            this.subscriber = subscriber;
        }

        @Override
        public String id() {
            return "s" + System.identityHashCode(this);
        }

        @Override
        public List<String> topics() {
            return topics;
        }

        @Override
        public Optional<String> snapshotId() {
            return snapshot.isZero() ? Optional.empty() : Optional.of("snapshot-" + id());
        }

        @Override
        public long delivered() {
            return 0;
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public long failed() {
            return 0;
        }

        @Override
        public int queued() {
            return 0;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void unsubscribe() {
            active = false;
        }
    }

    final List<Recorded> subscriptions = new CopyOnWriteArrayList<>();
    final List<Message> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Message message) {
        published.add(message);
    }

    @Override
    public Subscription subscribe(Collection<String> topics, Duration snapshot, Subscriber subscriber) {
        if (topics.isEmpty() || snapshot.isNegative()) {
            throw new IllegalArgumentException("bad subscription");
        }
        Recorded recorded = new Recorded(topics, snapshot, subscriber);
        subscriptions.add(recorded);
        return recorded;
    }

    List<Recorded> active() {
        List<Recorded> active = new ArrayList<>();
        subscriptions.stream().filter(s -> s.active).forEach(active::add);
        return active;
    }
}
