// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.ZeekHarness.MANAGE;
import static threatbus.app.zeek.ZeekHarness.T;
import static threatbus.app.zeek.ZeekHarness.decode;
import static threatbus.app.zeek.ZeekHarness.indicator;
import static threatbus.app.zeek.ZeekHarness.nextData;
import static threatbus.app.zeek.ZeekHarness.nothingPending;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import threatbus.api.message.Indicator;
import threatbus.api.message.Sighting;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.ZeekEvent;
import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/** Indicators from the bus reach the subscribing Zeek as {@code Tenzir::intel} events on its p2p topic. */
class ZeekIntelDeliveryTest {

    private static final String ID = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";

    private ZeekHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ZeekHarness();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    /** Hex (spaces ignored) and ASCII pieces, concatenated. */
    private static byte[] bytes(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object piece : pieces) {
            out.writeBytes(piece instanceof Text text ? text.value.getBytes(StandardCharsets.US_ASCII)
                    : HexFormat.of().parseHex(((String) piece).replace(" ", "")));
        }
        return out.toByteArray();
    }

    private record Text(String value) {
    }

    private static Text ascii(String value) {
        return new Text(value);
    }

    @Test
    void anIndicatorPublishedOnTheBusArrivesAsTheExactIntelEventOnTheP2pTopic() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        String p2p = harness.subscribe(zeek, "stix2/indicator");

        harness.bus.publish(indicator(ID, "[ipv4-addr:value = '6.6.6.6']"));

        RawWire.Op intel = nextData(zeek);
        assertThat(intel.topic()).isEqualTo(p2p);
        assertThat(intel.sender()).isEqualTo(harness.endpoint.broker().id().toBytes());
        assertThat(intel.receiver()).isEqualTo(new byte[16]);
        assertThat(intel.ttl()).isEqualTo(16);
        // spec zeek-broker.md §1.7, the captured frame; created 2022-05-16T12:00:00Z, network time = the clock
        assertThat(intel.payload()).isEqualTo(bytes(
                "0e 03",
                "02 0000000000000001",
                "02 0000000000000001",
                "0e 03",
                "05 0d", ascii("Tenzir::intel"),
                "0e 01",
                "0e 05",
                "09 16ef94138f6f8000",
                "05 2f", ascii(ID),
                "05 04", ascii("ADDR"),
                "05 07", ascii("6.6.6.6"),
                "05 03", ascii("ADD"),
                "0e 01 0e 02 02 0000000000000001 09 18ec33b417c68000"));
        // the frame can reach the peer before the subscriber counts it as sent
        ZeekSubscriber subscriber = harness.subscriber(p2p);
        Await.until("the counters", T, () -> subscriber.sent() == 1
                && subscriber.state() == ZeekSubscriber.State.SENDING);
    }

    @Test
    void anIndicatorPublishedBeforeZeekSubscribedItsP2pTopicWaitsAndThenArrives() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        String p2p = harness.subscribeWithoutP2p(zeek, "stix2/indicator");
        ZeekSubscriber subscriber = harness.subscriber(p2p);

        harness.bus.publish(indicator(ID, "[domain-name:value = 'evil.com']"));
        Await.until("the delivery to wait for Zeek's subscription", T,
                () -> subscriber.state() == ZeekSubscriber.State.NOT_SUBSCRIBED);
        assertThat(subscriber.sent()).isZero();
        assertThat(subscriber.waits()).isEqualTo(1);
        assertThat(nothingPending(zeek)).isTrue();

        zeek.subscribe(List.of(MANAGE, p2p));

        RawWire.Op intel = nextData(zeek);
        assertThat(intel.topic()).isEqualTo(p2p);
        ZeekEvent event = decode(intel);
        assertThat(event.name()).isEqualTo("Tenzir::intel");
        assertThat(event.args()).containsExactly(BrokerData.vector(
                BrokerData.timestamp(Instant.parse("2022-05-16T12:00:00Z")), BrokerData.str(ID),
                BrokerData.str("DOMAIN"), BrokerData.str("evil.com"), BrokerData.str("ADD")));
        assertThat(event.networkTimestamp()).contains(ZeekHarness.NOW);
        Await.until("the state to follow", T, () -> subscriber.state() == ZeekSubscriber.State.SENDING);
        assertThat(subscriber.sent()).isEqualTo(1);
    }

    @Test
    void sightingsAndIndicatorsWithoutAPointIocAreNotSentToZeek() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        // "stix2/" matches sightings as well as indicators
        String p2p = harness.subscribe(zeek, "stix2/");
        ZeekSubscriber subscriber = harness.subscriber(p2p);

        harness.bus.publish(Sighting.builder().sightingOfRef(ID).build());
        harness.bus.publish(indicator("indicator--5f7a7c2e-6d1a-4b4e-9a3c-2c3c8f1e0b11",
                "[ipv4-addr:value = '6.6.6.6'] OR [domain-name:value = 'evil.com']"));
        harness.bus.publish(indicator("indicator--0c6a5b5e-1a7f-4d8e-8f5c-3a1b2c3d4e5f",
                "[x-custom:value = 'not for Zeek']"));
        harness.bus.publish(indicator(ID, "[url:value = 'http://evil.com/x']"));

        RawWire.Op intel = nextData(zeek);
        assertThat(intel.topic()).isEqualTo(p2p);
        List<BrokerData> fields = ((BrokerData.Vector) decode(intel).args().get(0)).elements();
        assertThat(fields.get(1)).isEqualTo(BrokerData.str(ID));
        assertThat(fields.get(3)).isEqualTo(BrokerData.str("evil.com/x"));
        // the frame can reach the peer before the subscriber counts it as sent
        Await.until("the counters", T, () -> subscriber.skipped() == 1 && subscriber.unmappable() == 2
                && subscriber.sent() == 1);
        assertThat(nothingPending(zeek)).isTrue();
    }

    @Test
    void aRemovedIndicatorIsSentAsRemove() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        harness.subscribe(zeek, "stix2/indicator");

        Indicator indicator = indicator(ID, "[ipv4-addr:value = '10.0.0.0/8']");
        harness.bus.publish(indicator.toBuilder().update(threatbus.api.message.Operation.REMOVE).build());

        List<BrokerData> fields = ((BrokerData.Vector) decode(nextData(zeek)).args().get(0)).elements();
        assertThat(fields.subList(2, 5)).containsExactly(BrokerData.str("SUBNET"), BrokerData.str("10.0.0.0/8"),
                BrokerData.str("REMOVE"));
    }
}
