// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static threatbus.dist.BrokerBytes.bool;
import static threatbus.dist.BrokerBytes.str;
import static threatbus.dist.BrokerBytes.table;
import static threatbus.dist.BrokerBytes.timestamp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.InvalidSyntaxException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.Application;
import threatbus.app.misp.testmisp.FakeAttributes;
import threatbus.app.misp.testmisp.FakeMisp;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * The MISP app in a real Felix: MISP's ZeroMQ publisher (a JeroMQ PUB here) → bus → a zmq app; a sighting
 * from a Zeek peer → bus → MISP's REST API (a strict fake of it, checking method, path, headers and body).
 */
public class MispAppIT extends BusInFelix {

    private static final String ATTRIBUTE_UUID = "5e1f2787-fcfc-4718-a58a-00b4c0a82f06";
    private static final String NOTIFICATION = "{\"Attribute\": {\"id\": \"15\", \"event_id\": \"1\", \"category\": "
            + "\"Network activity\", \"type\": \"domain\", \"value1\": \"example.com\", \"value2\": \"\", "
            + "\"to_ids\": true, \"uuid\": \"" + ATTRIBUTE_UUID + "\", \"timestamp\": \"1614599635\", "
            + "\"deleted\": false, \"value\": \"example.com\", \"Tag\": [{\"name\": \"TLP:AMBER\"}]}, "
            + "\"Event\": {\"id\": \"1\", \"org_id\": \"1\", \"orgc_id\": \"1\", \"info\": \"it\"}, "
            + "\"action\": \"add\"}";

    @Override
    @Configuration
    public Option[] config() {
        // the fake MISP runs in the test, inside the framework, on the JDK's HTTP server
        return OptionUtils.combine(ThreatBusOptions.withFreshDeployFolder(),
                CoreOptions.systemPackage("com.sun.net.httpserver"));
    }

    @Test
    public void mispAttributeReachesAZmqAppAndAZeekSightingReachesMisp() throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        ZeekFixture zeek = ZeekFixture.start(context, configurationAdmin, false);
        try (ZContext zmqContext = new ZContext(); FakeMisp misp = FakeMisp.http();
                ZmqTestApp app = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0)) {
            // MISP knows the attribute, so it accepts the sighting of it
            ObjectNode known = FakeAttributes.generate(1, Instant.now().getEpochSecond()).get(0);
            misp.attributes(List.of(known.put("uuid", ATTRIBUTE_UUID)));
            ZMQ.Socket publisher = zmqContext.createSocket(SocketType.PUB);
            int mispPort = publisher.bindToRandomPort("tcp://127.0.0.1");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("zmq.host", "127.0.0.1");
            properties.put("zmq.port", mispPort);
            properties.put("api.host", misp.uri().toString());
            properties.put("api.key", FakeMisp.API_KEY);
            properties.put("filter", "[{\"orgs\": [\"1\"], \"types\": [\"domain\"]}]");
            configurationAdmin.getConfiguration("threatbus.app.misp", "?").update(properties);
            app.awaitConnected("[network-traffic:dst_port = 443]");

            // MISP's publisher drops what it sends before the feed's socket joined: repeat until it arrives
            byte[] frame = ("misp_json_attribute " + NOTIFICATION).getBytes(StandardCharsets.UTF_8);
            String indicator = null;
            long deadline = System.currentTimeMillis() + 20_000;
            while (indicator == null && System.currentTimeMillis() < deadline) {
                publisher.send(frame, 0);
                indicator = app.receive(200);
            }
            assertTrue("no indicator from MISP\n" + shell("threatbus:misp") + "\n"
                    + shell("threatbus:status"), indicator != null);
            assertTrue(indicator, indicator.startsWith(app.p2p + "indicator {\"type\": \"indicator\""));
            assertTrue(indicator, indicator.contains("\"id\": \"indicator--" + ATTRIBUTE_UUID + "\""));
            assertTrue(indicator, indicator.contains("\"pattern\": \"[domain-name:value = 'example.com']\""));
            assertTrue(indicator, indicator.contains("\"created\": \"2021-03-01T11:53:55.000Z\""));

            // malformed notifications are counted by cause, and the feed goes on
            publisher.send("misp_json_attribute {\"Attribute\": ".getBytes(StandardCharsets.UTF_8), 0);
            publisher.send("misp_json_attribute {\"Attribute\": {}, \"action\": \"explode\"}"
                    .getBytes(StandardCharsets.UTF_8), 0);
            publisher.send(frame, 0);
            assertTrue("the feed stopped after malformed input", app.receive(10_000) != null);
            String status = shell("threatbus:misp");
            assertTrue(status, status.contains("Feed: ZeroMQ tcp://127.0.0.1:" + mispPort + " (connected)"));
            assertTrue(status, status.matches("(?s).*rejected not_json +1\\b.*"));
            assertTrue(status, status.matches("(?s).*rejected unknown_action +1\\b.*"));
            // the same counters, and those of the other apps, on the metrics endpoint
            MetricsScrape metrics = MetricsScrape.enable(configurationAdmin);
            metrics.awaitLine("threatbus_app_peers{app=\"misp\"} 1");
            metrics.awaitLine("threatbus_app_rejected_total{app=\"misp\",reason=\"not_json\"} 1");
            metrics.awaitLine("threatbus_app_rejected_total{app=\"misp\",reason=\"unknown_action\"} 1");
            metrics.awaitLine("threatbus_app_peers{app=\"zmq\"} 1");

            try (ZeekTestPeer peer = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, zeek.port, ZeekTestPeer.smallId(),
                    List.of("threatbus/manage"))) {
                long seen = Instant.parse("2021-03-04T10:00:00Z").getEpochSecond() * 1_000_000_000L;
                peer.publish("stix2/sighting", BrokerBytes.event("Tenzir::sighting", seen, timestamp(seen),
                        str("indicator--" + ATTRIBUTE_UUID), table(str("noisy"), bool(false))));
                Await.until("MISP got the sighting", () -> !misp.sightingBodies().isEmpty(),
                        () -> "violations " + misp.violations());
                metrics.awaitLine("threatbus_app_peers{app=\"zeek\"} 1");
                metrics.awaitLine("threatbus_app_published_total{app=\"zeek\"} 1");
                metrics.awaitLine("threatbus_misp_sightings_sent_total 1");
                metrics.awaitLine("threatbus_app_dropped_total{app=\"misp\",reason=\"permanent_error\"} 0");
            }
            JsonNode body = misp.sightingBodies().get(0);
            assertEquals(ATTRIBUTE_UUID, body.get("uuid").asText());
            assertEquals("0", body.get("type").asText());
            assertEquals(String.valueOf(Instant.parse("2021-03-04T10:00:00Z").getEpochSecond()),
                    body.get("timestamp").asText());
            assertTrue("violations " + misp.violations(), misp.violations().isEmpty());
        }
    }

    @Test
    public void aZmqAppsSnapshotIsAnsweredFromMispsRestSearchToThatAppOnly() throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        try (ZContext zmqContext = new ZContext(); FakeMisp misp = FakeMisp.http();
                ZmqTestApp bystander = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0)) {
            // six attributes of the last hours; the fifth is not for detection, so MISP's search leaves it out
            misp.attributes(FakeAttributes.generate(6, Instant.now().getEpochSecond() - 3_600));
            ZMQ.Socket publisher = zmqContext.createSocket(SocketType.PUB);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("zmq.host", "127.0.0.1");
            properties.put("zmq.port", publisher.bindToRandomPort("tcp://127.0.0.1"));
            properties.put("api.host", misp.uri().toString());
            properties.put("api.key", FakeMisp.API_KEY);
            properties.put("snapshot.page.size", 2);
            configurationAdmin.getConfiguration("threatbus.app.misp", "?").update(properties);
            Await.until("the MISP app is up", this::mispAppRegistered);
            bystander.awaitConnected("[network-traffic:dst_port = 443]");

            try (ZmqTestApp requester = new ZmqTestApp(zmq, "\"stix2/indicator\"", 30)) {
                Set<String> ids = new TreeSet<>();
                String frame;
                while (ids.size() < 5 && (frame = requester.receive(10_000)) != null) {
                    assertTrue(frame, frame.startsWith(requester.p2p + "indicator {\"type\": \"indicator\""));
                    ids.add(frame.replaceAll(".*\"id\": \"indicator--([^\"]+)\".*", "$1"));
                }
                assertEquals(new TreeSet<>(List.of(FakeAttributes.uuid(0), FakeAttributes.uuid(1),
                        FakeAttributes.uuid(2), FakeAttributes.uuid(3), FakeAttributes.uuid(5))), ids);
                assertEquals("no more than the five", null, requester.receive(500));
                // the other app is asked too (it could hold history), but gets none of the answer
                for (String other : bystander.drain(500)) {
                    assertTrue(other, other.startsWith(bystander.p2p + "snapshotrequest "));
                }
            }
            // paged: three searches of two, each for attributes for detection changed within the 30 days
            List<JsonNode> searches = misp.searchBodies();
            assertEquals(searches.toString(), 3, searches.size());
            for (JsonNode search : searches) {
                assertTrue(search.toString(), search.get("to_ids").asBoolean());
                long since = search.get("timestamp").asLong();
                assertTrue(search.toString(), Math.abs(Instant.now().getEpochSecond() - 30L * 86_400 - since) < 600);
            }
            assertTrue("violations " + misp.violations(), misp.violations().isEmpty());
        }
    }

    private boolean mispAppRegistered() {
        try {
            return !context.getServiceReferences(Application.class, "(threatbus.app.name=misp)").isEmpty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
