// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts what Zeek peers send, and logs each kind of rejection once. Thread-safe. */
final class ZeekIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ZeekIntake.class);

    /** Why a message from a Zeek peer was not acted on. */
    enum Rejection {
        UNDECODABLE("not Broker data, or not a Zeek event"),
        WRONG_ARGUMENTS("a Threat Bus event with arguments of the wrong number or type"),
        INVALID_SIGHTING("a sighting that is not valid STIX"),
        UNKNOWN_SUBSCRIPTION("unsubscribe of a p2p topic nobody is subscribed to"),
        ACK_NOT_SENT("subscription acknowledgement not sent: the peer was gone or its queue full");

        final String description;

        Rejection(String description) {
            this.description = description;
        }
    }

    private final LongAdder received = new LongAdder();
    private final LongAdder subscribes = new LongAdder();
    private final LongAdder unsubscribes = new LongAdder();
    private final LongAdder sightings = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder waitedForBus = new LongAdder();
    private final Map<Rejection, AtomicLong> rejected = new EnumMap<>(Rejection.class);

    ZeekIntake() {
        for (Rejection rejection : Rejection.values()) {
            rejected.put(rejection, new AtomicLong());
        }
    }

    void received() {
        received.increment();
    }

    void subscribed() {
        subscribes.increment();
    }

    void unsubscribed() {
        unsubscribes.increment();
    }

    void sightingPublished() {
        sightings.increment();
    }

    /** An event this app does not handle (another name, or another topic): dropped as the original did. */
    void ignored(String event, String topic) {
        ignored.increment();
        LOG.debug("Ignored event {} on {}", event, topic);
    }

    void waitedForBus() {
        if (waitedForBus.sum() == 0) {
            LOG.info("The bus is full: sightings from Zeek wait for room, the peer is slowed down "
                    + "(counted, see threatbus:zeek)");
        }
        waitedForBus.increment();
    }

    /** Counts a rejection; the first of each kind is logged with its detail, later ones at DEBUG. */
    void rejected(Rejection rejection, String peer, String detail) {
        long count = rejected.get(rejection).incrementAndGet();
        if (count == 1) {
            LOG.warn("Rejected a message from Zeek peer {}: {}: {} (further ones of this kind are counted, see "
                    + "threatbus:zeek)", peer, rejection.description, detail);
        } else {
            LOG.debug("Rejected a message from Zeek peer {}: {}: {}", peer, rejection.description, detail);
        }
    }

    long receivedCount() {
        return received.sum();
    }

    long subscribeCount() {
        return subscribes.sum();
    }

    long unsubscribeCount() {
        return unsubscribes.sum();
    }

    long sightingCount() {
        return sightings.sum();
    }

    long ignoredCount() {
        return ignored.sum();
    }

    long waitedForBusCount() {
        return waitedForBus.sum();
    }

    long rejectedCount(Rejection rejection) {
        return rejected.get(rejection).get();
    }
}
