// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Subscriber;
import threatbus.api.Subscription;
import threatbus.api.message.Indicator;
import threatbus.api.message.Message;
import threatbus.app.zeek.broker.BrokerPeer;
import threatbus.app.zeek.broker.SendResult;
import threatbus.app.zeek.broker.data.BrokerDataCodec;
import threatbus.app.zeek.broker.data.ZeekEvent;

/**
 * One Zeek subscription: indicators from the bus become {@code <ns>::intel} events on the subscription's p2p
 * topic, sent to the peer that subscribed.
 *
 * <p>Zeek subscribes its p2p topic only after it got the acknowledgement, and Zeek drops events on topics it
 * has not subscribed; so until the peer's filter covers the p2p topic (and whenever the peer's queue is
 * full) the delivery waits, and the bus keeps the following indicators in this subscription's bounded outbox.
 */
final class ZeekSubscriber implements Subscriber {

    private static final Logger LOG = LoggerFactory.getLogger(ZeekSubscriber.class);
    private static final long MIN_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** What the delivery to this Zeek is doing. */
    enum State {
        SENDING,
        /** Zeek has not subscribed to the p2p topic yet. */
        NOT_SUBSCRIBED,
        /** The peer's writer queue is full. */
        BUSY,
        /** The peer is gone or the subscription ended. */
        CLOSED
    }

    private final BrokerPeer peer;
    private final String topic;
    private final String p2p;
    private final IntelMapping mapping;
    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unmappable = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private volatile Subscription subscription;
    private volatile State state = State.SENDING;
    private volatile boolean closed;

    ZeekSubscriber(BrokerPeer peer, String topic, String p2p, IntelMapping mapping, Clock clock) {
        this.peer = peer;
        this.topic = topic;
        this.p2p = p2p;
        this.mapping = mapping;
        this.clock = clock;
    }

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof Indicator indicator)) {
            // sightings and the like also match a "stix2/" subscription; Zeek takes only intel
            skipped.incrementAndGet();
            return;
        }
        Optional<ZeekEvent> event = mapping.toEvent(indicator, clock.instant());
        if (event.isEmpty()) {
            unmappable.incrementAndGet();
            LOG.debug("Not sent to Zeek (no point IoC of a Zeek intel type): {} {}", indicator.id(),
                    indicator.pattern());
            return;
        }
        try {
            send(BrokerDataCodec.encode(event.get().toData()));
        } catch (IllegalArgumentException e) {
            // larger than the endpoint's frame limit (a huge URL, say): Zeek could not take it either
            unmappable.incrementAndGet();
            LOG.warn("Not sent to Zeek: {} {}", indicator.id(), e.getMessage());
        }
    }

    private void send(byte[] payload) {
        long wait = MIN_WAIT_NANOS;
        boolean waited = false;
        while (!closed) {
            SendResult result = peer.send(p2p, payload);
            switch (result) {
                case QUEUED -> {
                    sent.incrementAndGet();
                    state = State.SENDING;
                    return;
                }
                case CLOSED -> {
                    state = State.CLOSED;
                    return;
                }
                case NOT_SUBSCRIBED -> state = State.NOT_SUBSCRIBED;
                case QUEUE_FULL -> state = State.BUSY;
            }
            if (!waited) {
                waits.incrementAndGet();
                waited = true;
            }
            LockSupport.parkNanos(wait);
            wait = Math.min(wait * 2, MAX_WAIT_NANOS);
        }
    }

    /** Ends the bus subscription; a waiting delivery gives up. Idempotent. */
    void close() {
        closed = true;
        state = State.CLOSED;
        Subscription current = subscription;
        if (current != null) {
            current.unsubscribe();
        }
    }

    void subscription(Subscription subscription) {
        this.subscription = subscription;
    }

    Subscription subscription() {
        return subscription;
    }

    BrokerPeer peer() {
        return peer;
    }

    String topic() {
        return topic;
    }

    String p2p() {
        return p2p;
    }

    State state() {
        return state;
    }

    long sent() {
        return sent.get();
    }

    /** Indicators without a point IoC Zeek understands, or too large for a Broker frame. */
    long unmappable() {
        return unmappable.get();
    }

    /** Messages other than indicators (sightings on a {@code stix2/} subscription). */
    long skipped() {
        return skipped.get();
    }

    long waits() {
        return waits.get();
    }
}
