// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import threatbus.api.BusOverloadedException;
import threatbus.api.message.Indicator;
import threatbus.testbroker.RabbitNode;

/**
 * The RabbitMQ backbone plugin in a real Felix against a real, throwaway RabbitMQ node: it takes over from the
 * in-memory backbone, survives a broker crash with the bus holding messages meanwhile, and connects this host
 * with a second one (the product in a child process) as the original's hosts share one exchange.
 */
public class RabbitmqBackboneIT extends BusInFelix {

    private static final String SIX = "[ipv4-addr:value = '6.6.6.6']";

    private RabbitNode node;

    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(Arrays.asList(ThreatBusOptions.withFreshDeployFolder()));
        options.add(bundle(Path.of(System.getProperty("threatbus.rabbitmq.bundle")).toUri().toString()));
        return options.toArray(Option[]::new);
    }

    @Before
    public void startBroker() throws Exception {
        node = RabbitNode.start(Path.of(System.getProperty("threatbus.rabbit.dir")));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("host", "127.0.0.1");
        properties.put("port", node.port());
        properties.put("queue.name_suffix", "host-b");
        properties.put("reconnect.initial_millis", 100L);
        configurationAdmin.getConfiguration("threatbus.backbone.rabbitmq", "?").update(properties);
        Await.until("the RabbitMQ backbone connected and active",
                () -> status().matches("(?s).*\\n  rabbitmq\\s+active \\(connected\\)\\s+10 .*"), this::status);
    }

    @After
    public void stopBroker() {
        if (node != null) {
            node.close();
        }
    }

    private String status() {
        return shell("threatbus:status");
    }

    @Test
    public void whileTheBrokerIsDownTheBusHoldsMessagesAndShowsItThenDeliversEachOnce() throws Exception {
        Numbered subscriber = new Numbered();
        bus.subscribe("stix2/indicator", subscriber::add);
        int total = 3_000;
        for (int i = 0; i < total / 3; i++) {
            bus.publish(Numbered.indicator(i));
        }
        Await.until("the first third delivered", () -> subscriber.size() == total / 3);

        node.kill();
        Await.until("the backbone shown as disconnected",
                () -> status().matches("(?s).*\\n  rabbitmq\\s+active \\(disconnected: [^)]+\\).*"), this::status);
        for (int i = total / 3; i < total; i++) {
            try {
                bus.publish(Numbered.indicator(i));
            } catch (BusOverloadedException e) {
                throw new AssertionError("the inbox holds 10 000 messages; " + i + " should fit", e);
            }
        }
        assertTrue(status(), status().matches("(?s).*\\n  [1-9][0-9]* of 10000 messages queued.*"));
        node.start();

        Await.until("every message delivered", () -> subscriber.size() == total,
                () -> subscriber.size() + " of " + total + "\n" + status());
        List<Integer> received = subscriber.all();
        for (int i = 0; i < total; i++) {
            assertEquals("message " + i + " once and in order", Integer.valueOf(i), received.get(i));
        }
        Await.until("connected again", () -> status().contains("active (connected)"), this::status);
    }

    @Test
    public void twoHostsShareTheStreamAndASnapshotAnswerReachesOnlyTheRequester() throws Exception {
        ZmqFixture hostB = ZmqFixture.start(context, configurationAdmin);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("threatbus.itest.dir")), "host-a");
        try (SecondHost hostA = SecondHost.start(dir, node.port(), "host-a");
                ZmqTestApp holderOnA = new ZmqTestApp(hostA.zmq, "\"stix2/indicator\"", 0);
                ZmqTestApp liveOnB = new ZmqTestApp(hostB, "\"stix2/indicator\"", 0)) {
            List<String> localOnB = new ArrayList<>();
            bus.subscribe("stix2/indicator", m -> {
                synchronized (localOnB) {
                    localOnB.add(((Indicator) m).name().orElse(""));
                }
            });
            assertTrue("the plugin dropped into A's plugins/ took over from the in-memory backbone",
                    hostA.log().contains("+ backbone rabbitmq (ranking 10, threatbus.backbone.rabbitmq): active"));
            holderOnA.awaitConnected(SIX);
            liveOnB.awaitConnected(SIX); // its markers cross to A as well
            holderOnA.drain(500);

            // live: published by an app on A, received by a zmq app and a bus subscriber on B
            String live = Indicators.json("from host A", SIX);
            holderOnA.send("stix2/indicator", live);
            assertEquals(liveOnB.p2p + "indicator " + live, receiveNamed(liveOnB, "from host A"));
            Await.until("the bus subscriber on B got it", () -> {
                synchronized (localOnB) {
                    return localOnB.contains("from host A");
                }
            });

            // snapshot: requested on B, answered by the app on A, delivered to the requester on B only
            try (ZmqTestApp requesterOnB = new ZmqTestApp(hostB, "\"stix2/indicator\"", 30)) {
                String request = receiveNamed(holderOnA, "snapshotrequest");
                String snapshotId = request.replaceAll(".*\"snapshot_id\": \"([^\"]+)\".*", "$1");
                String historic = Indicators.json("historic", "[domain-name:value = 'old.example']");
                holderOnA.send("threatbus/snapshotenvelope", "{\"type\": \"snapshotenvelope\", \"snapshot_type\": 1, "
                        + "\"snapshot_id\": \"" + snapshotId + "\", \"body\": " + historic + "}");

                assertEquals(requesterOnB.p2p + "indicator " + historic, receiveNamed(requesterOnB, "historic"));
                assertFalse("the other app on B does not get it",
                        String.join("\n", liveOnB.drain(1_000)).contains("historic"));
                assertFalse("the app on A does not get it",
                        String.join("\n", holderOnA.drain(500)).contains("historic"));
                synchronized (localOnB) {
                    assertFalse("the bus subscriber on B does not get it", localOnB.contains("historic"));
                }
            }
        }
    }

    /** The next frame that mentions {@code text}, skipping others (markers, relayed requests). */
    private static String receiveNamed(ZmqTestApp app, String text) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            String frame = app.receive(500);
            if (frame != null && frame.contains(text)) {
                return frame;
            }
        }
        throw new AssertionError("no frame with " + text);
    }
}
