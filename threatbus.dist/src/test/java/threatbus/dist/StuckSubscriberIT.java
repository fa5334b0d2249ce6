// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import threatbus.api.Bus;
import threatbus.api.BusOverloadedException;
import threatbus.api.message.Indicator;

/**
 * A zmq app that stops reading while 100 000 indicators flow: it loses only its own messages (counted as its
 * drops), a zmq app that keeps reading and an in-process subscriber get every one, and the bus's memory stays
 * within its bounds (the stuck app's ZeroMQ queue and its bounded outbox, not the whole stream).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class StuckSubscriberIT {

    private static final int TOTAL = 100_000;
    /** How far the publisher may run ahead of the healthy app, so that only the stuck one overflows. */
    private static final int AHEAD = 5_000;
    private static final String MARKER = "[network-traffic:dst_port = 443]";
    private static final Pattern NUMBERED = Pattern.compile("\"name\": \"(\\d+)\"");

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private Bus bus;

    @Inject
    private CommandProcessor commands;

    @Configuration
    public Option[] config() {
        return ThreatBusOptions.withFreshDeployFolder();
    }

    @Test
    public void aZmqAppThatStopsReadingLosesOnlyItsOwnMessagesAndMemoryStaysBounded() throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        AtomicInteger inProcess = new AtomicInteger();
        bus.subscribe("stix2/indicator", message -> {
            if (((Indicator) message).name().orElse("").matches("\\d+")) {
                inProcess.incrementAndGet();
            }
        });
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
            reader.start();
            for (int i = 0; i < TOTAL; i++) {
                while (i - received.get() > AHEAD && reader.isAlive()) {
                    LockSupport.parkNanos(100_000);
                }
                publishUntilAccepted(Numbered.indicator(i));
            }
            reader.join(60_000);

            assertEquals("the healthy app got every indicator, in order", TOTAL, received.get());
            Await.until("the in-process subscriber got every indicator", () -> inProcess.get() == TOTAL,
                    () -> inProcess + " of " + TOTAL);
            String apps = new Shell(commands).run("threatbus:zmq");
            assertEquals(apps, 0, dropped(apps, healthy.p2p));
            long stuckDropped = dropped(apps, stuck.p2p);
            assertTrue("the stuck app's drops are counted: " + apps, stuckDropped > TOTAL / 2);
            long heapGrowth = usedHeapAfterGc() - heapBefore;
            System.out.printf("stuck subscriber: %d indicators, healthy app %d, in-process %d, stuck app dropped %d, "
                    + "heap grew %d MB%n", TOTAL, received.get(), inProcess.get(), stuckDropped, heapGrowth >> 20);
            assertTrue("heap grew by " + heapGrowth / (1 << 20) + " MB", heapGrowth < 64L << 20);
        }
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

    /** The DROPPED column of an app's row in {@code threatbus:zmq}. */
    private static long dropped(String apps, String p2p) {
        Matcher row = Pattern.compile(p2p + "\\s+\\S+\\s+.+?\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\d+ s ago").matcher(apps);
        assertTrue("no row for " + p2p + " in " + apps, row.find());
        return Long.parseLong(row.group(3));
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
