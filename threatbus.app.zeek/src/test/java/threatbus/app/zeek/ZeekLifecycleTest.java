// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.ZeekHarness.T;
import static threatbus.app.zeek.ZeekHarness.indicator;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import threatbus.app.zeek.testpeer.ZeekTestPeer;
import threatbus.testing.TestBus;

/** A Zeek's subscriptions end with its peering; closing the endpoint ends everything. */
class ZeekLifecycleTest {

    private ZeekHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ZeekHarness();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void aZeekThatDisconnectsLosesItsSubscriptionsAndOnlyThose() throws Exception {
        ZeekTestPeer leaving = harness.peer();
        ZeekTestPeer staying = harness.peer();
        String leavingP2p = harness.subscribe(leaving, "stix2/indicator");
        String stayingP2p = harness.subscribe(staying, "stix2/indicator");
        TestBus.TestSubscription leavingSubscription = harness.bus.subscriptions.get(0);

        leaving.close();

        Await.until("the subscription to end", T, () -> !leavingSubscription.isActive());
        assertThat(harness.session().subscribers()).extracting(ZeekSubscriber::p2p).containsExactly(stayingP2p);
        assertThat(harness.bus.active()).hasSize(1);
        assertThat(harness.session().subscribers()).noneMatch(s -> s.p2p().equals(leavingP2p));
        harness.bus.publish(indicator("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "[domain-name:value = 'evil.com']"));
        assertThat(ZeekHarness.nextData(staying).topic()).isEqualTo(stayingP2p);
    }

    @Test
    void aZeekThatUnpeersLosesItsSubscriptions() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        harness.subscribe(zeek, "stix2/indicator");
        harness.subscribe(zeek, "stix2/sighting");

        zeek.bye(T);

        Await.until("the subscriptions to end", T, () -> harness.bus.active().isEmpty());
        assertThat(harness.session().subscribers()).isEmpty();
        assertThat(harness.bus.subscriptions).hasSize(2);
    }

    @Test
    void closingTheEndpointEndsEverythingPromptlyEvenWithADeliveryWaitingForZeek() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        ZeekTestPeer subscribed = harness.peer();
        String waitingP2p = harness.subscribeWithoutP2p(zeek, "stix2/indicator");
        harness.subscribe(subscribed, "stix2/indicator");
        ZeekSubscriber waiting = harness.subscriber(waitingP2p);
        harness.bus.publish(indicator("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "[domain-name:value = 'evil.com']"));
        Await.until("a delivery waiting for Zeek", T, () -> waiting.state() == ZeekSubscriber.State.NOT_SUBSCRIBED);

        long start = System.nanoTime();
        harness.endpoint.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(harness.bus.active()).isEmpty();
        assertThat(harness.session().subscribers()).isEmpty();
        assertThat(waiting.state()).isEqualTo(ZeekSubscriber.State.CLOSED);
        for (TestBus.TestSubscription subscription : harness.bus.subscriptions) {
            subscription.delivery.join(T.toMillis());
            assertThat(subscription.delivery.isAlive()).as("delivery thread of " + subscription.topics).isFalse();
        }
        assertThat(zeek.awaitClosed(T)).isTrue();
        assertThat(subscribed.awaitClosed(T)).isTrue();
        Await.until("the peers to be gone", T, () -> harness.endpoint.broker().peers().isEmpty());
        assertThat(waiting.sent()).isZero();
    }
}
