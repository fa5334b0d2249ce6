// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;

/** The zmq app in a real Felix with real ZeroMQ clients, speaking the original's protocol. */
public class ZmqAppIT extends BusInFelix {

    private static final String SIX = "[ipv4-addr:value = '6.6.6.6']";

    private ZmqFixture bus;

    @Before
    public void startZmq() throws Exception {
        bus = ZmqFixture.start(context, configurationAdmin);
    }

    private String manage(String request) {
        return ZmqTestApp.request(bus.manageEndpoint(), request, 5_000);
    }

    @Test
    public void everyManagementCaseOfTheOriginalHolds() {
        String subscribed = manage("{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\", \"snapshot\": 30}");
        assertTrue(subscribed, subscribed.matches("\\{\"topic\": \"[a-z]{32}\", \"pub_port\": " + bus.pub
                + ", \"sub_port\": " + bus.sub + ", \"status\": \"success\"}"));
        String p2p = subscribed.substring(11, 43);
        assertTrue(manage("{\"action\": \"subscribe\", \"topic\": [\"stix2/indicator\", \"stix2/sighting\"], "
                + "\"snapshot\": 0}").endsWith("\"status\": \"success\"}"));
        assertTrue(manage("{\"action\": \"subscribe\", \"topic\": \"TOPIC\"}").endsWith("\"status\": \"success\"}"));
        assertEquals("{\"status\": \"success\"}", manage("{\"action\": \"heartbeat\", \"topic\": \"" + p2p + "\"}"));
        assertEquals("{\"status\": \"success\"}", manage("{\"action\": \"unsubscribe\", \"topic\": \"" + p2p + "\"}"));
        assertEquals("{\"status\": \"error\"}", manage("{\"action\": \"heartbeat\", \"topic\": \"" + p2p + "\"}"));
        assertEquals("{\"status\": \"unknown request\"}", manage("{\"action\": \"FOO\"}"));
        assertEquals("{\"status\": \"error\"}", manage("FOO"));
        assertEquals("{\"status\": \"unknown request\"}", manage("{\"action\": \"heartbeat\"}"));
        assertEquals("{\"status\": \"error\"}", manage("{\"action\": \"heartbeat\", \"topic\": \"TOPIC\"}"));
        assertEquals("{\"status\": \"unknown request\"}", manage("{\"action\": \"subscribe\"}"));
        assertEquals("{\"status\": \"error\"}",
                manage("{\"action\": \"subscribe\", \"topic\": \"TOPIC\", \"snapshot\": \"FOO\"}"));
        assertEquals("{\"status\": \"unknown request\"}", manage("{\"action\": \"unsubscribe\"}"));
        assertEquals("{\"status\": \"error\"}", manage("{\"action\": \"unsubscribe\", \"topic\": \"TOPIC\"}"));
    }

    @Test
    public void anIndicatorSentToTheSubPortReachesSubscribersOnTheirP2pTopic() throws Exception {
        try (ZmqTestApp indicators = new ZmqTestApp(bus, "\"stix2/indicator\"", 0);
                ZmqTestApp both = new ZmqTestApp(bus, "[\"stix2/indicator\", \"stix2/sighting\"]", 0)) {
            indicators.awaitConnected(SIX);
            both.awaitConnected(SIX); // it sends a sighting below
            indicators.drain(300);
            String indicator = Indicators.json("live", SIX);

            indicators.send("stix2/indicator", indicator);

            assertEquals(indicators.p2p + "indicator " + indicator, indicators.receive(5_000));
            assertEquals(both.p2p + "indicator " + indicator, both.receive(5_000));
            String id = indicator.replaceAll(".*\"id\": \"([^\"]+)\".*", "$1");
            String sighting = Indicators.sighting(id);
            both.send("stix2/sighting", sighting);
            assertEquals(both.p2p + "sighting " + sighting, both.receive(5_000));
            assertNull("a subscriber of indicators gets no sightings", indicators.receive(500));
        }
    }

    @Test
    public void aSnapshotRequestIsRelayedToOtherAppsAndTheAnswerReachesOnlyTheRequester() throws Exception {
        try (ZmqTestApp holder = new ZmqTestApp(bus, "\"stix2/indicator\"", 0)) {
            holder.awaitConnected(SIX);
            try (ZmqTestApp requester = new ZmqTestApp(bus, "\"stix2/indicator\"", 30)) {
                String request = holder.receive(5_000);
                assertTrue(request, request.startsWith(holder.p2p + "snapshotrequest {\"type\": \"snapshotrequest\", "
                        + "\"snapshot_type\": 1, \"snapshot_id\": \""));
                assertTrue(request, request.endsWith("\", \"snapshot\": 2592000}"));
                String snapshotId = request.replaceAll(".*\"snapshot_id\": \"([^\"]+)\".*", "$1");
                String historic = Indicators.json("historic", "[domain-name:value = 'old.example']");

                holder.send("threatbus/snapshotenvelope", "{\"type\": \"snapshotenvelope\", \"snapshot_type\": 1, "
                        + "\"snapshot_id\": \"" + snapshotId + "\", \"body\": " + historic + "}");

                assertEquals(requester.p2p + "indicator " + historic, requester.receive(10_000));
                assertNull("the holder does not get the answer", holder.receive(500));
            }
        }
    }

    @Test
    public void malformedFramesAreCountedAndDoNotDisturbAConcurrentFlow() throws Exception {
        try (ZmqTestApp app = new ZmqTestApp(bus, "\"stix2/indicator\"", 0);
                ZmqTestApp vandal = new ZmqTestApp(bus, "\"nothing\"", 0)) {
            app.awaitConnected(SIX);
            vandal.awaitDeliveryTo(app, SIX); // what the vandal sends before that is dropped by ZeroMQ, not the bus
            Thread garbage = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    vandal.send("stix2/indicator".getBytes(StandardCharsets.US_ASCII));
                    vandal.send("stix2/indicator", "hello");
                    vandal.send("stix2/indicator", Indicators.json("bad", "not a pattern"));
                    vandal.send("threatbus/snapshotenvelope", "{\"type\": \"indicator\"}");
                }
            });
            garbage.start();
            for (int i = 0; i < 1_000; i++) {
                app.send("stix2/indicator", Indicators.json("good " + i, SIX));
            }
            garbage.join();

            List<String> names = new ArrayList<>();
            for (String frame : app.drain(1_000)) {
                names.add(Indicators.name(frame));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                expected.add("good " + i);
            }
            assertEquals(expected, names);
            String zmq = shell("threatbus:zmq");
            Await.until("all garbage counted", () -> shell("threatbus:zmq")
                    .matches("(?s).*no_separator\\s+500 .*malformed\\s+1500 .*"), () -> zmq);
        }
    }

    @Test
    public void anAppThatStopsHeartbeatingIsExpiredWhenConfigured() throws Exception {
        bus = ZmqFixture.start(context, configurationAdmin, "heartbeat.timeout.s", 1L);
        String reply = manage("{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\"}");
        String p2p = reply.substring(11, 43);

        // watch from the side: a heartbeat would keep it alive
        Await.until("the silent app is expired",
                () -> shell("threatbus:zmq").contains("1 expired for missing heartbeats"));
        assertEquals("{\"status\": \"error\"}", manage("{\"action\": \"heartbeat\", \"topic\": \"" + p2p + "\"}"));
    }

    @Test
    public void aClientOfTheOriginalWrittenWithPyzmqWorksUnchanged() throws Exception {
        String python = pythonWithPyzmq();
        File script = new File(System.getProperty("threatbus.python.client"));
        Process process = new ProcessBuilder(python, script.getPath(), "--manage", bus.manageEndpoint())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the client did not finish", process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(output, 0, process.exitValue());
        assertTrue(output, output.contains("PASS snapshot item reaches the requester unwrapped"));
    }

    @Test
    public void theLoadGeneratorLosesNothingEndToEnd() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-jar", System.getProperty("threatbus.bench.jar"), "load",
                "--manage", bus.manageEndpoint(), "--messages", "3000", "--subscribers", "3", "--publishers", "2")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the load generator did not finish", process.waitFor(120, TimeUnit.SECONDS));

        assertEquals(output, 0, process.exitValue());
        assertTrue(output, output.matches("(?s).*deliveries received\\s+9000\\s.*lost\\s+0\\s.*duplicated\\s+0\\s.*"));
    }

    /** The first of $THREATBUS_PYTHON, python3 and the system's python3 that has pyzmq. */
    private static String pythonWithPyzmq() throws Exception {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("THREATBUS_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import zmq").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException e) {
                // not installed: try the next one
            }
        }
        throw new AssertionError("this test needs python3 with pyzmq (Debian: apt-get install python3-zmq), tried "
                + candidates + "; THREATBUS_PYTHON picks the interpreter");
    }
}
