// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import threatbus.api.Subscriber;
import threatbus.api.Subscription;
import threatbus.api.message.Indicator;
import threatbus.api.message.JsonBytes;
import threatbus.api.message.Message;
import threatbus.api.message.Sighting;
import threatbus.api.message.SnapshotRequest;

/**
 * One app subscribed through the management socket: its p2p topic, its bus subscription, and the
 * subscriber that turns messages into frames {@code "<p2p><type> <json>"} on the publish socket.
 *
 * <p>When the app cannot take a frame (not connected yet, or its ZeroMQ queue is full) the delivery waits:
 * the bus keeps the following messages in this subscription's outbox, bounded, with its overflow policy.
 */
final class Client implements Subscriber {

    /** What the delivery to this app is doing. */
    enum State {
        /** Frames go out as they come. */
        SENDING,
        /** The app has not subscribed its SUB socket to its p2p topic (yet): frames wait. */
        NOT_CONNECTED,
        /** The app does not keep up: its ZeroMQ queue is full and frames wait. */
        BUSY
    }

    private static final long MIN_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final String p2p;
    private final List<String> topics;
    private final FrameSink sink;
    private final Framing indicators;
    private final Framing sightings;
    private final Framing requests;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile Subscription subscription;
    private volatile long lastHeartbeatNanos = System.nanoTime();
    private volatile State state = State.SENDING;
    private volatile boolean closed;

    Client(String p2p, List<String> topics, FrameSink sink) {
        this.p2p = p2p;
        this.topics = List.copyOf(topics);
        this.sink = sink;
        this.indicators = new Framing(p2p, "indicator");
        this.sightings = new Framing(p2p, "sighting");
        this.requests = new Framing(p2p, "snapshotrequest");
    }

    String p2p() {
        return p2p;
    }

    List<String> topics() {
        return topics;
    }

    /** The bus subscription, once made. */
    Subscription subscription() {
        return subscription;
    }

    void subscription(Subscription subscription) {
        this.subscription = subscription;
    }

    void heartbeat() {
        lastHeartbeatNanos = System.nanoTime();
    }

    /** Time since the last heartbeat (or the subscription). */
    long silentNanos() {
        return System.nanoTime() - lastHeartbeatNanos;
    }

    long sent() {
        return sent.get();
    }

    /** How often a delivery had to wait for the app. */
    long waits() {
        return waits.get();
    }

    /** Messages of a type the protocol does not deliver (snapshot envelopes; the bus unwraps those). */
    long skipped() {
        return skipped.get();
    }

    State state() {
        return state;
    }

    @Override
    public void onMessage(Message message) {
        Framing framing = framing(message);
        if (framing == null) {
            skipped.incrementAndGet();
            return;
        }
        byte[] frame = framing.frame(message.json());
        long wait = MIN_WAIT_NANOS;
        boolean waited = false;
        while (!closed) {
            boolean wanted = sink.wanted(framing.topic);
            if (wanted && sink.trySend(frame)) {
                sent.incrementAndGet();
                state = State.SENDING;
                return;
            }
            state = wanted ? State.BUSY : State.NOT_CONNECTED;
            if (!waited) {
                waits.incrementAndGet();
                waited = true;
            }
            LockSupport.parkNanos(wait);
            wait = Math.min(wait * 2, MAX_WAIT_NANOS);
        }
    }

    /** Sends a snapshot request now if the app can take it; false otherwise. */
    boolean offer(SnapshotRequest request) {
        if (closed || !sink.wanted(requests.topic)) {
            return false;
        }
        boolean ok = sink.trySend(requests.frame(request.json()));
        if (ok) {
            sent.incrementAndGet();
        }
        return ok;
    }

    /** Stops delivery: a waiting delivery gives up. */
    void close() {
        closed = true;
    }

    private Framing framing(Message message) {
        if (message instanceof Indicator) {
            return indicators;
        }
        if (message instanceof Sighting) {
            return sightings;
        }
        if (message instanceof SnapshotRequest) {
            return requests;
        }
        return null;
    }

    /** The frame topic {@code <p2p><type>} of one message type, and the frames built with it. */
    private static final class Framing {
        final String topic;
        private final byte[] prefix;

        Framing(String p2p, String type) {
            topic = p2p + type;
            prefix = (topic + " ").getBytes(StandardCharsets.US_ASCII);
        }

        byte[] frame(JsonBytes json) {
            byte[] frame = new byte[prefix.length + json.length()];
            System.arraycopy(prefix, 0, frame, 0, prefix.length);
            json.copyTo(frame, prefix.length);
            return frame;
        }
    }
}
