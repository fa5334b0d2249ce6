// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import threatbus.api.message.Indicator;
import threatbus.app.zeek.broker.BrokerPeer;
import threatbus.app.zeek.broker.TransportSecurity;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.BrokerDataCodec;
import threatbus.app.zeek.broker.data.BrokerDataException;
import threatbus.app.zeek.broker.data.ZeekEvent;
import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;
import threatbus.testing.TestBus;

/**
 * A plain-TCP {@link ZeekEndpoint} on an ephemeral port over a {@link TestBus}, with a fixed clock, and
 * {@link ZeekTestPeer}s that speak to it as Zeek running {@code threatbus.zeek} does.
 */
final class ZeekHarness implements AutoCloseable {

    static final Duration T = Duration.ofSeconds(5);
    /** What the endpoint's clock says: the network time of every event it sends. */
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final String MANAGE = "threatbus/manage";
    static final String SIGHTINGS = "stix2/sighting";

    private static final SecureRandom RANDOM = new SecureRandom();

    final TestBus bus = new TestBus();
    final ZeekEndpoint endpoint;
    private final List<ZeekTestPeer> peers = new ArrayList<>();

    ZeekHarness() throws IOException {
        this("Tenzir");
    }

    ZeekHarness(String namespace) throws IOException {
        this(namespace, 64 * 1024);
    }

    ZeekHarness(String namespace, int maxFrameBytes) throws IOException {
        ZeekSettings settings = new ZeekSettings("127.0.0.1", 0, namespace, TransportSecurity.PLAIN, maxFrameBytes,
                100, Duration.ofSeconds(5));
        endpoint = new ZeekEndpoint(settings, bus, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    ZeekSession session() {
        return endpoint.session();
    }

    ZeekIntake intake() {
        return endpoint.session().intake();
    }

    /** A peer that, as Zeek in {@code zeek_init}, subscribed the management topic before peering. */
    ZeekTestPeer peer() throws IOException, InterruptedException {
        return peer(List.of(MANAGE));
    }

    ZeekTestPeer peer(List<String> filter) throws IOException, InterruptedException {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        ZeekTestPeer zeek = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, endpoint.broker().port(), id, filter);
        peers.add(zeek);
        Await.until("the endpoint to list the peer", T, () -> brokerPeer(zeek) != null);
        return zeek;
    }

    /** The endpoint's side of a test peer's peering, or null. */
    BrokerPeer brokerPeer(ZeekTestPeer zeek) {
        return endpoint.broker().peers().stream().filter(p -> Arrays.equals(p.id().toBytes(), zeek.id)).findFirst()
                .orElse(null);
    }

    static byte[] encode(ZeekEvent event) {
        return BrokerDataCodec.encode(event.toData());
    }

    /** An event as Zeek 6 and later send it, with the network time. */
    static byte[] event(String name, BrokerData... args) {
        return encode(ZeekEvent.of(name, Instant.parse("2026-11-28T11:59:59Z"), args));
    }

    static byte[] subscribeEvent(String topic, Duration snapshot) {
        return event("Tenzir::subscribe", BrokerData.str(topic), BrokerData.timespan(snapshot));
    }

    /** The next data message the peer got, of any topic; fails after {@link #T}. */
    static RawWire.Op nextData(ZeekTestPeer zeek) throws InterruptedException {
        return zeek.next(RawWire.DATA, T);
    }

    /** Whether the peer has received nothing (no data, no routing update) that the test has not taken yet. */
    static boolean nothingPending(ZeekTestPeer zeek) {
        return zeek.received.isEmpty();
    }

    static ZeekEvent decode(RawWire.Op op) throws BrokerDataException {
        return ZeekEvent.fromData(BrokerDataCodec.decode(op.payload()));
    }

    /**
     * Subscribes as {@code threatbus.zeek} does on {@code Broker::peer_added}, takes the acknowledgement and,
     * like the script, subscribes the p2p topic it names.
     *
     * @return the p2p topic
     */
    String subscribe(ZeekTestPeer zeek, String topic) throws Exception {
        String p2p = subscribeWithoutP2p(zeek, topic);
        zeek.subscribe(List.of(MANAGE, p2p));
        BrokerPeer peer = brokerPeer(zeek);
        Await.until("the routing update for " + p2p, T, () -> peer.wants(p2p));
        return p2p;
    }

    /** Subscribes and takes the acknowledgement, but does not subscribe the p2p topic yet. */
    String subscribeWithoutP2p(ZeekTestPeer zeek, String topic) throws Exception {
        long before = intake().subscribeCount();
        zeek.publish(MANAGE, subscribeEvent(topic, Duration.ZERO));
        RawWire.Op ack = nextData(zeek);
        assertThat(ack.topic()).isEqualTo(MANAGE);
        ZeekEvent event = decode(ack);
        assertThat(event.name()).isEqualTo("Tenzir::subscription_acknowledged");
        String p2p = ((BrokerData.Str) event.args().get(0)).value();
        Await.until("the subscription to be registered", T, () -> intake().subscribeCount() == before + 1);
        return p2p;
    }

    /** The session's subscriber for a p2p topic. */
    ZeekSubscriber subscriber(String p2p) {
        return session().subscribers().stream().filter(s -> s.p2p().equals(p2p)).findFirst().orElseThrow();
    }

    static Indicator indicator(String id, String pattern) {
        Instant created = Instant.parse("2022-05-16T12:00:00Z");
        return Indicator.builder().id(id).created(created).pattern(pattern).patternType("stix").validFrom(created)
                .build();
    }

    @Override
    public void close() throws Exception {
        for (ZeekTestPeer zeek : peers) {
            zeek.close();
        }
        endpoint.close();
        bus.close();
        for (TestBus.TestSubscription subscription : bus.subscriptions) {
            subscription.delivery.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
