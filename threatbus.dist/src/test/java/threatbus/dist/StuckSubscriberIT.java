// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

import threatbus.api.BusOverloadedException;
import threatbus.api.message.Indicator;
import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.RawWire.Op;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * A subscriber that stops reading while 100 000 indicators flow, a zmq app or a Zeek: it loses only its own
 * messages (counted as its drops), a subscriber of the same kind that keeps reading and an in-process
 * subscriber get every one, and the bus's memory stays within its bounds (the stuck one's socket and peer
 * queues and its bounded outbox, not the whole stream).
 */
public class StuckSubscriberIT extends BusInFelix {

    private static final int TOTAL = 100_000;
    /** How far the publisher may run ahead of the healthy subscriber, so that only the stuck one overflows. */
    private static final int AHEAD = 5_000;
    private static final long HEAP_BOUND = 64L << 20;
    private static final String MARKER = "[network-traffic:dst_port = 443]";
    private static final Pattern NUMBERED = Pattern.compile("\"name\": \"(\\d+)\"");

    @Test
    public void aZmqAppThatStopsReadingLosesOnlyItsOwnMessagesAndMemoryStaysBounded() throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        AtomicInteger inProcess = countInProcess();
        try (ZmqTestApp healthy = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0);
                ZmqTestApp stuck = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0)) {
            healthy.awaitConnected(MARKER);
            stuck.awaitConnected(MARKER);
            long heapBefore = usedHeapAfterGc();

            AtomicInteger received = new AtomicInteger();
            Thread reader = new Thread(() -> {
                String frame;
                while (received.get() < TOTAL && (frame = healthy.receive(10_000)) != null) {
                    Matcher number = NUMBERED.matcher(frame);
                    if (number.find() && Integer.parseInt(number.group(1)) == received.get()) {
                        received.incrementAndGet();
                    }
                }
            }, "healthy-app");
            publishAll(Numbered::indicator, reader, received);

            String apps = shell("threatbus:zmq");
            Pattern row = Pattern.compile("\\s+\\S+\\s+.+?\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\d+ s ago");
            assertOnlyTheStuckOneDropped("zmq app", received, inProcess, heapBefore, apps,
                    column(apps, healthy.p2p, row, 3), column(apps, stuck.p2p, row, 3));
        }
    }

    @Test
    public void aZeekThatStopsReadingLosesOnlyItsOwnMessagesAndMemoryStaysBounded() throws Exception {
        ZeekFixture zeek = ZeekFixture.start(context, configurationAdmin, false);
        AtomicInteger inProcess = countInProcess();
        try (ZeekTestPeer healthy = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, zeek.port, ZeekTestPeer.smallId(),
                List.of("threatbus/manage"));
                ZeekTestPeer stuck = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, zeek.port, ZeekTestPeer.largeId(),
                        List.of("threatbus/manage"))) {
            String healthyP2p = ZeekAppIT.subscribe(healthy);
            String stuckP2p = ZeekAppIT.subscribe(stuck);
            stuck.pauseReading();
            long heapBefore = usedHeapAfterGc();

            AtomicInteger received = new AtomicInteger();
            Thread reader = new Thread(() -> {
                try {
                    while (received.get() < TOTAL) {
                        Op intel = healthy.next(RawWire.DATA, Duration.ofSeconds(10));
                        int number = Numbered.numberInId(new String(intel.payload(), StandardCharsets.ISO_8859_1));
                        if (intel.topic().equals(healthyP2p) && number == received.get()) {
                            received.incrementAndGet();
                        }
                    }
                } catch (AssertionError | InterruptedException e) {
                    // nothing within the timeout: the count says how far it got
                }
            }, "healthy-zeek");
            publishAll(Numbered::withNumberedId, reader, received);

            String zeeks = shell("threatbus:zeek");
            // P2P TOPIC, SUB, STATE (one or two words), SENT, WAITS, UNMAPPABLE, DROPPED
            Pattern row = Pattern.compile("\\s+\\S+\\s+[a-z]+(?: [a-z]+)?\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s");
            assertOnlyTheStuckOneDropped("Zeek", received, inProcess, heapBefore, zeeks,
                    column(zeeks, healthyP2p, row, 4), column(zeeks, stuckP2p, row, 4));
        }
    }

    /** Counts the numbered indicators a subscriber inside the bus receives. */
    private AtomicInteger countInProcess() {
        AtomicInteger inProcess = new AtomicInteger();
        bus.subscribe("stix2/indicator", message -> {
            if (((Indicator) message).name().orElse("").matches("\\d+")) {
                inProcess.incrementAndGet();
            }
        });
        return inProcess;
    }

    /** Publishes the numbered indicators, never more than {@link #AHEAD} ahead of what the reader counted. */
    private void publishAll(IntFunction<Indicator> numbered, Thread reader, AtomicInteger received)
            throws InterruptedException {
        reader.start();
        for (int i = 0; i < TOTAL; i++) {
            while (i - received.get() > AHEAD && reader.isAlive()) {
                LockSupport.parkNanos(100_000);
            }
            publishUntilAccepted(numbered.apply(i));
        }
        reader.join(60_000);
    }

    private void assertOnlyTheStuckOneDropped(String kind, AtomicInteger received, AtomicInteger inProcess,
            long heapBefore, String status, long healthyDropped, long stuckDropped) {
        assertEquals("the healthy " + kind + " got every indicator, in order", TOTAL, received.get());
        Await.until("the in-process subscriber got every indicator", () -> inProcess.get() == TOTAL,
                () -> inProcess + " of " + TOTAL);
        assertEquals(status, 0, healthyDropped);
        assertTrue("the stuck " + kind + "'s drops are counted: " + status, stuckDropped > TOTAL / 2);
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        System.out.printf("stuck %s: %d indicators, healthy one %d, in-process %d, stuck one dropped %d, "
                + "heap grew %d MB%n", kind, TOTAL, received.get(), inProcess.get(), stuckDropped, heapGrowth >> 20);
        assertTrue("heap grew by " + (heapGrowth >> 20) + " MB", heapGrowth < HEAP_BOUND);
    }

    private void publishUntilAccepted(Indicator indicator) {
        while (true) {
            try {
                bus.publish(indicator);
                return;
            } catch (BusOverloadedException e) {
                LockSupport.parkNanos(100_000);
            }
        }
    }

    /** A number column of the row that starts with {@code name} in a status table. */
    private static long column(String table, String name, Pattern rest, int group) {
        Matcher row = Pattern.compile(Pattern.quote(name) + rest.pattern()).matcher(table);
        assertTrue("no row for " + name + " in " + table, row.find());
        return Long.parseLong(row.group(group));
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
