// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

import threatbus.api.Subscription;
import threatbus.api.message.Indicator;

/**
 * Upgrading an app bundle in place, as the README describes it: from the shell with {@code update}, and by
 * replacing its jar in the deploy folder. The bus and every other plugin go on; nothing the bus accepted is lost.
 */
public class AppUpdateIT extends BusInFelix {

    private static final Pattern INDICATORS_IN = Pattern.compile(
            "\\nthreatbus_messages_in_total\\{topic=\"stix2/indicator\"} (\\d+)\\n");

    @Test
    public void updatingTheZmqAppFromTheShellMidStreamLosesNoMessageTheBusAccepted() throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        MetricsScrape metrics = MetricsScrape.enable(configurationAdmin);
        List<Integer> received = new ArrayList<>();
        AtomicLong markers = new AtomicLong();
        Subscription subscription = bus.subscribe("stix2/indicator", message -> {
            String name = ((Indicator) message).name().orElse("");
            if (name.matches("\\d+")) {
                synchronized (received) {
                    received.add(Integer.parseInt(name));
                }
            } else {
                markers.incrementAndGet(); // sent while the publisher waited to be connected
            }
        });
        Bundle app = bundle("threatbus.app.zmq");
        long bundleId = app.getBundleId();
        int count = 30_000;
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean updated = new AtomicBoolean();
        try (ZmqTestApp publisher = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0)) {
            publisher.awaitConnected("[domain-name:value = 'marker.example']");
            Thread stream = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    publisher.send("stix2/indicator", Indicators.json(Integer.toString(i),
                            "[domain-name:value = 'evil.example']"));
                    sent.incrementAndGet();
                    if (i % 100 == 99) {
                        // a steady stream that spans the update, not one burst before it
                        pause(updated.get() ? 2 : 5);
                    }
                }
            });
            stream.start();
            Await.until("a part of the stream delivered", () -> size(received) > 2_000);
            int beforeUpdate = size(received);
            String reply = shell("update " + bundleId);
            updated.set(true);
            int sentAtUpdate = sent.get();
            assertTrue("updated mid-stream, after " + sentAtUpdate + " of " + count, sentAtUpdate < count / 2);
            Await.until("the updated zmq app answers", () -> ZmqTestApp.request(zmq.manageEndpoint(),
                    "{\"action\": \"heartbeat\", \"topic\": \"x\"}", 500) != null, () -> reply);
            stream.join(120_000);
            assertEquals("the stream ran to its end", count, sent.get());

            // the publisher's socket reconnected by itself: the stream went on after the update
            Await.until("indicators sent after the update delivered",
                    () -> maxOf(received) > beforeUpdate && size(received) > beforeUpdate + 1_000,
                    () -> "received " + size(received) + ", before the update " + beforeUpdate);
            // every indicator the bus accepted reached the subscriber, once and in order
            Await.until("all accepted indicators delivered",
                    () -> indicatorsIn(metrics) == size(received) + markers.get(),
                    () -> "accepted " + indicatorsIn(metrics) + ", received " + size(received) + " and " + markers);
        } finally {
            subscription.unsubscribe();
        }
        List<Integer> all;
        synchronized (received) {
            all = new ArrayList<>(received);
        }
        assertEquals("no duplicates", all.size(), new HashSet<>(all).size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue("in order at " + i, all.get(i) > all.get(i - 1));
        }
        assertEquals("the same bundle, updated in place", bundleId, bundle("threatbus.app.zmq").getBundleId());
    }

    @Test
    public void replacingAPluginJarInTheDeployFolderUpdatesTheBundleInPlace() throws Exception {
        Path jar = ThreatBusOptions.deployFolder().resolve("threatbus.test.fakeapp.jar");
        deploy(TestBundles.FAKE_APPLICATION, jar);
        Await.until("version 1.0.0 on the bus", () -> installed("threatbus.test.fakeapp", "1.0.0")
                && status().contains("threatbus.test.fakeapp"), this::status);
        long bundleId = bundle("threatbus.test.fakeapp").getBundleId();

        deploy(TestBundles.FAKE_APPLICATION_NEXT, jar);

        Await.until("version 1.0.1 in place of 1.0.0", () -> installed("threatbus.test.fakeapp", "1.0.1"),
                this::status);
        assertEquals("the same bundle, updated", bundleId, bundle("threatbus.test.fakeapp").getBundleId());
        Await.until("the updated app is on the bus",
                () -> status().matches("(?s).*\\n  fake\\s+\\d+\\s+threatbus.test.fakeapp\\n.*"), this::status);
    }

    /** Copies next to the target and moves it in, as the README says, so no half-written jar is seen. */
    private static void deploy(String stagedJar, Path target) throws Exception {
        Path partial = target.resolveSibling(".fakeapp.tmp");
        Files.copy(ThreatBusOptions.stagingFolder().resolve(stagedJar), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private boolean installed(String symbolicName, String version) {
        return Bundles.find(context, symbolicName).filter(b -> b.getState() == Bundle.ACTIVE
                && b.getVersion().equals(Version.parseVersion(version))).isPresent();
    }

    private Bundle bundle(String symbolicName) {
        return Bundles.named(context, symbolicName);
    }

    private String status() {
        return shell("threatbus:status");
    }

    private static long indicatorsIn(MetricsScrape metrics) {
        Matcher m = INDICATORS_IN.matcher(metrics.text());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static int size(List<Integer> received) {
        synchronized (received) {
            return received.size();
        }
    }

    private static int maxOf(List<Integer> received) {
        synchronized (received) {
            return received.isEmpty() ? -1 : received.get(received.size() - 1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
