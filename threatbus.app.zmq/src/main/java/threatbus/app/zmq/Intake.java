// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts what apps send on the subscribe port, and logs each kind of rejection once. Thread-safe. */
final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    /** Why a frame from an app was not published. */
    enum Rejection {
        OVERSIZED("frame larger than max.frame.bytes"),
        MULTIPART("multi-part message (the protocol sends single frames)"),
        NO_SEPARATOR("no space between topic and JSON"),
        UNKNOWN_TOPIC("topic is neither stix2/... nor threatbus/snapshotenvelope"),
        MALFORMED("not a valid message"),
        WRONG_TYPE("message type does not belong on its topic");

        final String description;

        Rejection(String description) {
            this.description = description;
        }
    }

    private final LongAdder received = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder waitedForBus = new LongAdder();
    private final Map<Rejection, AtomicLong> rejected = new EnumMap<>(Rejection.class);

    Intake() {
        for (Rejection rejection : Rejection.values()) {
            rejected.put(rejection, new AtomicLong());
        }
    }

    void received() {
        received.increment();
    }

    void published() {
        published.increment();
    }

    /** The bus was full: a frame waited (the intake slowed down, apps' sockets buffered). */
    void waitedForBus() {
        if (waitedForBus.sum() == 0) {
            LOG.info("The bus is full: the zmq intake waits for room, apps are slowed down (counted, see threatbus:zmq)");
        }
        waitedForBus.increment();
    }

    long waitedForBusCount() {
        return waitedForBus.sum();
    }

    /** Counts a rejection; the first of each kind is logged with its detail, later ones at DEBUG. */
    void rejected(Rejection rejection, String detail) {
        long count = rejected.get(rejection).incrementAndGet();
        if (count == 1) {
            LOG.warn("Rejected a frame from an app: {}: {} (further rejections of this kind are counted, see "
                    + "threatbus:zmq)", rejection.description, detail);
        } else {
            LOG.debug("Rejected a frame from an app: {}: {}", rejection.description, detail);
        }
    }

    long receivedCount() {
        return received.sum();
    }

    long publishedCount() {
        return published.sum();
    }

    long rejectedCount(Rejection rejection) {
        return rejected.get(rejection).get();
    }
}
