// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.ZeekHarness.MANAGE;
import static threatbus.app.zeek.ZeekHarness.T;
import static threatbus.app.zeek.ZeekHarness.decode;
import static threatbus.app.zeek.ZeekHarness.event;
import static threatbus.app.zeek.ZeekHarness.indicator;
import static threatbus.app.zeek.ZeekHarness.nextData;
import static threatbus.app.zeek.ZeekHarness.nothingPending;
import static threatbus.app.zeek.ZeekHarness.subscribeEvent;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import threatbus.app.zeek.ZeekIntake.Rejection;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.ZeekEvent;
import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;
import threatbus.testing.TestBus;

/** {@code subscribe} and {@code unsubscribe} on {@code threatbus/manage}, one or two Zeeks. */
class ZeekSubscriptionTest {

    private static final String P2P = "stix2/indicator[a-z]{10}";

    private ZeekHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ZeekHarness();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static String p2pOf(ZeekEvent ack) {
        return ((BrokerData.Str) ack.args().get(0)).value();
    }

    @Test
    void subscribeIsAcknowledgedWithAP2pTopicAndSubscribesTheBusWithoutSnapshot() throws Exception {
        ZeekTestPeer zeek = harness.peer();

        zeek.publish(MANAGE, subscribeEvent("stix2/indicator", Duration.ZERO));

        RawWire.Op op = nextData(zeek);
        assertThat(op.topic()).isEqualTo(MANAGE);
        assertThat(op.receiver()).isEqualTo(new byte[16]);
        ZeekEvent ack = decode(op);
        assertThat(ack.name()).isEqualTo("Tenzir::subscription_acknowledged");
        assertThat(ack.args()).hasSize(1);
        String p2p = p2pOf(ack);
        assertThat(p2p).matches(P2P);
        assertThat(ack.networkTimestamp()).contains(ZeekHarness.NOW);

        Await.until("the subscription", T, () -> harness.intake().subscribeCount() == 1);
        assertThat(harness.bus.subscriptions).singleElement().satisfies(s -> {
            assertThat(s.topics()).containsExactly("stix2/indicator");
            assertThat(s.snapshot).isZero();
            assertThat(s.isActive()).isTrue();
        });
        assertThat(harness.session().subscribers()).singleElement().satisfies(s -> {
            assertThat(s.p2p()).isEqualTo(p2p);
            assertThat(s.topic()).isEqualTo("stix2/indicator");
            assertThat(s.peer()).isSameAs(harness.brokerPeer(zeek));
        });
        assertThat(harness.session().subscriptions()).containsExactlyElementsOf(harness.bus.subscriptions);
    }

    @Test
    void theNamespacePrefixOfSubscribeIsOptional() throws Exception {
        ZeekTestPeer zeek = harness.peer();

        zeek.publish(MANAGE, event("subscribe", BrokerData.str("stix2/indicator"),
                BrokerData.timespan(Duration.ZERO)));

        ZeekEvent ack = decode(nextData(zeek));
        assertThat(ack.name()).isEqualTo("Tenzir::subscription_acknowledged");
        assertThat(p2pOf(ack)).matches(P2P);
        Await.until("the bus subscription", T, () -> harness.bus.active().size() == 1);
    }

    @Test
    void aSubscribeOfAnotherNamespaceIsIgnored() throws Exception {
        ZeekTestPeer zeek = harness.peer();

        zeek.publish(MANAGE, event("Other::subscribe", BrokerData.str("stix2/indicator"),
                BrokerData.timespan(Duration.ZERO)));

        Await.until("the event to be ignored", T, () -> harness.intake().ignoredCount() == 1);
        assertThat(harness.bus.subscriptions).isEmpty();
        assertThat(nothingPending(zeek)).isTrue();
    }

    @Test
    void aConfiguredNamespaceNamesTheEventsBothWays() throws Exception {
        harness.close();
        harness = new ZeekHarness("Acme");
        ZeekTestPeer zeek = harness.peer();

        zeek.publish(MANAGE, event("Acme::subscribe", BrokerData.str("stix2/indicator"),
                BrokerData.timespan(Duration.ZERO)));

        ZeekEvent ack = decode(nextData(zeek));
        assertThat(ack.name()).isEqualTo("Acme::subscription_acknowledged");
        String p2p = p2pOf(ack);
        zeek.subscribe(List.of(MANAGE, p2p));
        Await.until("the routing update", T, () -> harness.brokerPeer(zeek).wants(p2p));
        harness.bus.publish(indicator("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "[domain-name:value = 'evil.com']"));
        assertThat(decode(nextData(zeek)).name()).isEqualTo("Acme::intel");
    }

    @Test
    void aSnapshotIntervalIsForwardedToTheBus() throws Exception {
        ZeekTestPeer zeek = harness.peer();

        // Tenzir::snapshot_intel=30 days
        zeek.publish(MANAGE, subscribeEvent("stix2/indicator", Duration.ofDays(30)));

        assertThat(p2pOf(decode(nextData(zeek)))).matches(P2P);
        Await.until("the subscription", T, () -> harness.intake().subscribeCount() == 1);
        assertThat(harness.bus.subscriptions).singleElement()
                .satisfies(s -> assertThat(s.snapshot).isEqualTo(Duration.ofDays(30)));
    }

    @Test
    void aNegativeSnapshotIntervalSubscribesWithoutSnapshot() throws Exception {
        ZeekTestPeer zeek = harness.peer();

        zeek.publish(MANAGE, subscribeEvent("stix2/indicator", Duration.ofSeconds(-1)));

        assertThat(p2pOf(decode(nextData(zeek)))).matches(P2P);
        Await.until("the subscription", T, () -> harness.intake().subscribeCount() == 1);
        assertThat(harness.bus.subscriptions).singleElement().satisfies(s -> assertThat(s.snapshot).isZero());
    }

    @Test
    void subscribeFromAZeekWithoutTheManagementTopicEndsForLackOfAnAcknowledgement() throws Exception {
        ZeekTestPeer zeek = harness.peer(List.of("something/else"));

        zeek.publish(MANAGE, subscribeEvent("stix2/indicator", Duration.ZERO));

        Await.until("the rejection", T, () -> harness.intake().rejectedCount(Rejection.ACK_NOT_SENT) == 1);
        assertThat(harness.bus.subscriptions).singleElement().satisfies(s -> assertThat(s.isActive()).isFalse());
        assertThat(harness.session().subscribers()).isEmpty();
        assertThat(harness.intake().subscribeCount()).isZero();
    }

    @Test
    void subscribeWhoseAcknowledgementWouldExceedTheFrameLimitLeavesNoSubscriptionBehind() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        // the request fits the 64 KiB frame limit, the longer acknowledgement with its p2p topic does not
        String topic = "stix2/indicator/" + "x".repeat(64 * 1024 - 160);

        zeek.publish(MANAGE, subscribeEvent(topic, Duration.ZERO));

        Await.until("the rejection", T, () -> harness.intake().rejectedCount(Rejection.ACK_NOT_SENT) == 1);
        assertThat(harness.bus.active()).isEmpty();
        assertThat(harness.session().subscribers()).isEmpty();
        assertThat(harness.intake().subscribeCount()).isZero();
        assertThat(harness.brokerPeer(zeek)).isNotNull();
        assertThat(harness.subscribe(zeek, "stix2/indicator")).matches(P2P);
    }

    @Test
    void subscribeToATopicTooLongForABrokerP2pTopicIsRefused() throws Exception {
        harness.close();
        harness = new ZeekHarness("Tenzir", 1024 * 1024);
        ZeekTestPeer zeek = harness.peer();
        // Broker topics have at most 65535 bytes; the p2p topic adds ten letters
        String topic = "stix2/indicator/" + "x".repeat(65_535 - 16 - 9);

        zeek.publish(MANAGE, subscribeEvent(topic, Duration.ZERO));

        Await.until("the rejection", T, () -> harness.intake().rejectedCount(Rejection.WRONG_ARGUMENTS) == 1);
        assertThat(harness.bus.subscriptions).isEmpty();
        assertThat(harness.session().subscribers()).isEmpty();
        assertThat(nothingPending(zeek)).isTrue();
        assertThat(harness.subscribe(zeek, topic.substring(0, 65_535 - 10))).hasSize(65_535);
    }

    @Test
    void twoZeeksEachGetOnlyTheirOwnAcknowledgementAndTheirOwnIntel() throws Exception {
        // a filter of "stix2/" covers every p2p topic: this Zeek would get whatever was sent to it
        ZeekTestPeer greedy = harness.peer(List.of(MANAGE, "stix2/"));
        ZeekTestPeer other = harness.peer();

        String greedyP2p = harness.subscribeWithoutP2p(greedy, "stix2/indicator");
        String otherP2p = harness.subscribe(other, "stix2/indicator");
        assertThat(greedyP2p).isNotEqualTo(otherP2p);

        harness.bus.publish(indicator("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "[domain-name:value = 'one.example']"));
        harness.bus.publish(indicator("indicator--5f7a7c2e-6d1a-4b4e-9a3c-2c3c8f1e0b11",
                "[domain-name:value = 'two.example']"));

        // the original broadcast every acknowledgement: the other's would come before any intel
        for (String value : List.of("one.example", "two.example")) {
            RawWire.Op toGreedy = nextData(greedy);
            assertThat(toGreedy.topic()).isEqualTo(greedyP2p);
            assertThat(decode(toGreedy).name()).isEqualTo("Tenzir::intel");
            assertThat(decode(toGreedy).args().toString()).contains(value);
            RawWire.Op toOther = nextData(other);
            assertThat(toOther.topic()).isEqualTo(otherP2p);
            assertThat(decode(toOther).args().toString()).contains(value);
        }
        Await.until("both deliveries counted", T,
                () -> harness.subscriber(greedyP2p).sent() == 2 && harness.subscriber(otherP2p).sent() == 2);
        assertThat(nothingPending(greedy)).isTrue();
        assertThat(nothingPending(other)).isTrue();
    }

    @Test
    void unsubscribeEndsTheBusSubscription() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        String p2p = harness.subscribe(zeek, "stix2/indicator");
        TestBus.TestSubscription subscription = harness.bus.subscriptions.get(0);
        ZeekSubscriber subscriber = harness.subscriber(p2p);

        zeek.publish(MANAGE, event("Tenzir::unsubscribe", BrokerData.str(p2p)));

        Await.until("the unsubscription", T, () -> harness.intake().unsubscribeCount() == 1);
        assertThat(subscription.isActive()).isFalse();
        assertThat(subscriber.state()).isEqualTo(ZeekSubscriber.State.CLOSED);
        assertThat(harness.session().subscribers()).isEmpty();
        assertThat(harness.bus.active()).isEmpty();
        subscription.delivery.join(T.toMillis());
        assertThat(subscription.delivery.isAlive()).isFalse();
        assertThat(nothingPending(zeek)).isTrue();
    }

    @Test
    void unsubscribeOfAnUnknownP2pTopicIsCountedAndChangesNothing() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        String p2p = harness.subscribe(zeek, "stix2/indicator");

        zeek.publish(MANAGE, event("Tenzir::unsubscribe", BrokerData.str("stix2/indicatorzzzzzzzzzz")));
        zeek.publish(MANAGE, event("unsubscribe", BrokerData.str("stix2/indicator")));

        Await.until("the rejections", T,
                () -> harness.intake().rejectedCount(Rejection.UNKNOWN_SUBSCRIPTION) == 2);
        assertThat(harness.intake().unsubscribeCount()).isZero();
        assertThat(harness.bus.active()).hasSize(1);
        assertThat(harness.subscriber(p2p).state()).isEqualTo(ZeekSubscriber.State.SENDING);
        assertThat(nothingPending(zeek)).isTrue();

        harness.bus.publish(indicator("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "[domain-name:value = 'evil.com']"));
        assertThat(nextData(zeek).topic()).isEqualTo(p2p);
    }

    @Test
    void unsubscribeWithoutNamespaceWorksToo() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        String p2p = harness.subscribe(zeek, "stix2/indicator");

        zeek.publish(MANAGE, event("unsubscribe", BrokerData.str(p2p)));

        Await.until("the unsubscription", T, () -> harness.intake().unsubscribeCount() == 1);
        assertThat(harness.bus.active()).isEmpty();
    }
}
