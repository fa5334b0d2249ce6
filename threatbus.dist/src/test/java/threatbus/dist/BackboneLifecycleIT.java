// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import threatbus.api.BusOverloadedException;
import threatbus.api.message.Indicator;

/** Backbones come and go at run time in a real Felix; the bus loses nothing it accepted. */
public class BackboneLifecycleIT extends BusInFelix {

    /** A publisher that meets a full inbox (no backbone for a while) tries again, as the zmq intake does. */
    private void publishUntilAccepted(Indicator indicator) {
        while (true) {
            try {
                bus.publish(indicator);
                return;
            } catch (BusOverloadedException e) {
                // the inbox is full while no backbone runs: the message was not accepted, offer it again
            }
        }
    }

    private Bundle bundle(String symbolicName) {
        return Bundles.named(context, symbolicName);
    }

    private String status() {
        return shell("threatbus:status");
    }

    @Test
    public void stoppingAndRestartingTheInmemBundleMidStreamLosesNoAcceptedMessage() throws Exception {
        streamSurvives(inmem -> {
            inmem.stop();
            Await.until("messages waiting in the inbox",
                    () -> status().matches("(?s).*\\n  [1-9][0-9]* of 10000 messages queued.*"), this::status);
            inmem.start();
        });
    }

    @Test
    public void updatingTheInmemBundleMidStreamLosesNoAcceptedMessage() throws Exception {
        streamSurvives(Bundle::update);
    }

    /** What happens to the in-memory backbone's bundle while 100 000 messages flow. */
    private interface Disruption {
        void apply(Bundle inmem) throws Exception;
    }

    /** Every message the bus accepted arrives once and in order, whatever {@code disruption} does. */
    private void streamSurvives(Disruption disruption) throws Exception {
        Numbered subscriber = new Numbered();
        bus.subscribe("stix2/", subscriber::add);
        int total = 100_000;
        AtomicReference<Throwable> publishFailure = new AtomicReference<>();
        Thread publisher = new Thread(() -> {
            try {
                for (int i = 0; i < total; i++) {
                    publishUntilAccepted(Numbered.indicator(i));
                }
            } catch (RuntimeException e) {
                publishFailure.set(e);
            }
        }, "publisher");

        publisher.start();
        Await.until("traffic flowing", () -> subscriber.size() > 1_000);
        assertTrue("the disruption comes mid-stream", publisher.isAlive());
        disruption.apply(bundle("threatbus.backbone.inmem"));
        publisher.join();

        Await.until("every accepted message delivered", () -> subscriber.size() == total,
                () -> subscriber.size() + " of " + total + "\n" + status());
        assertEquals(null, publishFailure.get());
        List<Integer> received = subscriber.all();
        for (int i = 0; i < total; i++) {
            assertEquals("message " + i + " in order", Integer.valueOf(i), received.get(i));
        }
    }

    @Test
    public void aHigherRankedBackboneInstalledAtRuntimeTakesOverPublishing() throws Exception {
        Numbered subscriber = new Numbered();
        bus.subscribe("stix2/indicator", subscriber::add);
        bus.publish(Numbered.indicator(0));
        Await.until("delivered through inmem", () -> subscriber.size() == 1);

        Bundle second = context.installBundle(
                ThreatBusOptions.stagingFolder().resolve(TestBundles.SECOND_BACKBONE).toUri().toString());
        second.start();
        Await.until("second is active", () -> status().matches("(?s).*\\n  second\\s+active\\s+10 .*"), this::status);
        bus.publish(Numbered.indicator(1));

        Await.until("delivered through second", () -> subscriber.size() == 2);
        assertEquals(1, publishedBy("second"));
        assertTrue(status(), status().matches("(?s).*\\n  inmem\\s+standby\\s+0 .*"));

        second.uninstall();
        Await.until("inmem active again", () -> status().matches("(?s).*\\n  inmem\\s+active .*"), this::status);
        bus.publish(Numbered.indicator(2));
        Await.until("delivered through inmem again", () -> subscriber.size() == 3);
    }

    private long publishedBy(String backbone) throws Exception {
        Collection<ServiceReference<LongSupplier>> references = context.getServiceReferences(LongSupplier.class,
                "(threatbus.test=" + backbone + ")");
        ServiceReference<LongSupplier> reference = references.iterator().next();
        try {
            return context.getService(reference).getAsLong();
        } finally {
            context.ungetService(reference);
        }
    }

    @Test
    public void aBackboneSwappedInAndOutMidStreamLosesAndDuplicatesNothing() throws Exception {
        Numbered subscriber = new Numbered();
        bus.subscribe("stix2/", subscriber::add);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger published = new AtomicInteger();
        Thread publisher = new Thread(() -> {
            while (running.get()) {
                publishUntilAccepted(Numbered.indicator(published.get()));
                published.incrementAndGet();
            }
        }, "publisher");

        publisher.start();
        Await.until("traffic flowing through inmem", () -> subscriber.size() > 1_000);
        Bundle second = context.installBundle(
                ThreatBusOptions.stagingFolder().resolve(TestBundles.SECOND_BACKBONE).toUri().toString());
        second.start();
        Await.until("the second backbone publishes", () -> publishedBySecond() > 1_000, this::status);
        int beforeUninstall = subscriber.size();
        second.uninstall();
        Await.until("traffic flowing through inmem again", () -> subscriber.size() > beforeUninstall + 1_000);
        running.set(false);
        publisher.join();

        int total = published.get();
        Await.until("every accepted message delivered", () -> subscriber.size() >= total,
                () -> subscriber.size() + " of " + total + "\n" + status());
        List<Integer> received = subscriber.all();
        assertEquals("nothing duplicated", total, received.size());
        assertEquals("nothing lost", total, new HashSet<>(received).size());
    }

    private long publishedBySecond() {
        try {
            return publishedBy("second");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
