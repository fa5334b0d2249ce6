// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static threatbus.dist.BrokerBytes.bool;
import static threatbus.dist.BrokerBytes.str;
import static threatbus.dist.BrokerBytes.table;
import static threatbus.dist.BrokerBytes.timespan;
import static threatbus.dist.BrokerBytes.timestamp;
import static threatbus.dist.BrokerBytes.vector;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.RawWire.Op;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * The whole bus in a real Felix (in-memory backbone, zmq app, Zeek app) with a Java peer that speaks Broker
 * as Zeek's {@code Broker::peer} does, running the Threat Bus script's exchange: subscribe, acknowledgement,
 * intel, sightings.
 */
public class ZeekAppIT extends BusInFelix {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String INDICATOR_ID = "indicator--42d31a5b-2da0-4bdd-9823-1723a98fc2fb";
    private static final long CREATED_NANOS = Instant.parse("2022-05-16T12:00:00.123456Z").getEpochSecond()
            * 1_000_000_000L + 123_456_000L;
    /** Indicators the zmq test app uses to see its sockets connected; Zeek cannot map this pattern. */
    private static final String UNMAPPABLE = "[network-traffic:dst_port = 443]";

    @Test
    public void indicatorFromAZmqAppReachesZeekAsTheExactIntelEvent() throws Exception {
        indicatorReachesZeek(false, ZeekTestPeer.PLAIN, ZeekTestPeer.smallId());
    }

    @Test
    public void indicatorReachesZeekOverAnonymousTlsWithTheBusAsOriginator() throws Exception {
        indicatorReachesZeek(true, ZeekTestPeer.ANONYMOUS_TLS, ZeekTestPeer.largeId());
    }

    private void indicatorReachesZeek(boolean tls, ZeekTestPeer.Dialer dialer, byte[] zeekId) throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        ZeekFixture zeek = ZeekFixture.start(context, configurationAdmin, tls);
        try (ZeekTestPeer peer = ZeekTestPeer.peer(dialer, zeek.port, zeekId, List.of("threatbus/manage"));
                ZmqTestApp app = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0)) {
            String p2p = subscribe(peer);
            app.awaitConnected(UNMAPPABLE);

            String indicator = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"" + INDICATOR_ID
                    + "\", \"created\": \"2022-05-16T12:00:00.123456Z\", \"modified\": \"2022-05-16T12:00:00.123456Z\", "
                    + "\"pattern\": \"[domain-name:value = 'example.com']\", \"pattern_type\": \"stix\", "
                    + "\"pattern_version\": \"2.1\", \"valid_from\": \"2022-05-16T12:00:00.123456Z\"}";
            app.send("stix2/indicator", indicator);

            Op intel;
            try {
                intel = peer.next(RawWire.DATA, WAIT);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + shell("threatbus:zeek") + "\n"
                        + shell("threatbus:status"), e);
            }
            assertEquals(p2p, intel.topic());
            byte[] expected = BrokerBytes.event("Tenzir::intel", 0, vector(timestamp(CREATED_NANOS),
                    str(INDICATOR_ID), str("DOMAIN"), str("example.com"), str("ADD")));
            byte[] payload = intel.payload();
            // everything but the network time of the metadata, which is the bus's clock
            assertEquals(hex(expected).substring(0, 2 * (expected.length - 8)),
                    hex(payload).substring(0, Math.max(0, 2 * (payload.length - 8))));
            assertEquals(expected.length, payload.length);
            long networkTime = java.nio.ByteBuffer.wrap(payload, payload.length - 8, 8).getLong();
            long skew = Math.abs(System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(networkTime));
            assertTrue("network time is now, was off by " + skew + " ms", skew < 60_000);
            peer.bye(WAIT);
        }
    }

    @Test
    public void snapshotRequestAndSightingFromZeekReachAZmqApp() throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        ZeekFixture zeek = ZeekFixture.start(context, configurationAdmin, false);
        try (ZeekTestPeer peer = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, zeek.port, ZeekTestPeer.largeId(),
                List.of("threatbus/manage"));
                ZmqTestApp app = new ZmqTestApp(zmq, "[\"stix2/sighting\", \"stix2/indicator\"]", 0)) {
            // snapshot requests are relayed only to apps whose sockets are connected
            app.awaitConnected(UNMAPPABLE);
            String p2p = subscribe(peer);
            // Zeek's snapshot interval becomes a snapshot request, relayed to the other apps
            String request = app.receive(15_000);
            assertTrue("got " + request, request != null && request.startsWith(app.p2p + "snapshotrequest "));
            assertTrue(request, request.contains("\"snapshot_type\": 1") && request.contains("\"snapshot\": 2592000"));

            long seen = Instant.parse("2021-03-04T10:00:00Z").getEpochSecond() * 1_000_000_000L;
            // as Zeek 5 sends it: without metadata
            peer.publish("stix2/sighting", BrokerBytes.eventWithoutMetadata("Tenzir::sighting", timestamp(seen),
                    str(INDICATOR_ID), table(str("noisy"), bool(false))));

            String frame = app.receive(15_000);
            assertTrue("got " + frame, frame != null && frame.startsWith(app.p2p + "sighting {\"type\": \"sighting\""));
            assertTrue(frame, frame.contains("\"sighting_of_ref\": \"" + INDICATOR_ID + "\""));
            assertTrue(frame, frame.contains("\"last_seen\": \"2021-03-04T10:00:00.000Z\""));
            assertTrue(frame, frame.contains("\"x_threatbus_sighting_context\": {\"noisy\": false}"));

            String status = shell("threatbus:zeek");
            assertTrue(status, status.contains(p2p));
            assertTrue(status, status.contains("1 subscribe, 0 unsubscribe, 1 sightings published"));

            peer.publish("threatbus/manage", BrokerBytes.event("Tenzir::unsubscribe", seen, str(p2p)));
            Await.until("the subscription ends", () -> shell("threatbus:zeek")
                    .contains("PEER\n  (none)\n\nFrom Zeek: 3 events received: 1 subscribe, 1 unsubscribe"),
                    () -> shell("threatbus:zeek"));
            peer.bye(WAIT);
            Await.until("the peer is gone", () -> shell("threatbus:zeek").contains("(none)\n\nSub"));
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    /** What the Threat Bus script does once peered: subscribe, take the acknowledgement, subscribe to it. */
    /** Subscribes the peer to indicators as the Zeek script does; returns the acknowledged p2p topic. */
    static String subscribe(ZeekTestPeer peer) throws Exception {
        long thirtyDays = TimeUnit.DAYS.toNanos(30);
        peer.publish("threatbus/manage", BrokerBytes.event("Tenzir::subscribe", System.currentTimeMillis()
                * 1_000_000L, str("stix2/indicator"), timespan(thirtyDays)));
        Op ack = peer.next(RawWire.DATA, WAIT);
        assertEquals("threatbus/manage", ack.topic());
        String p2p = BrokerBytes.onlyStringArgument(ack.payload(), "Tenzir::subscription_acknowledged");
        assertTrue(p2p, p2p.matches("stix2/indicator[a-z]{10}"));
        peer.subscribe(List.of("threatbus/manage", p2p));
        return p2p;
    }
}
