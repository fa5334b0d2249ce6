// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import threatbus.api.BusOverloadedException;

/** Full outboxes and a full inbox: each overflow policy, and that a slow subscriber pays for itself alone. */
class OverflowTest extends BusCoreFixture {

    @Test
    void aSlowSubscriberOnlyFillsItsOwnOutbox() throws Exception {
        config.outboxCapacity = 100;
        startWithBackbone();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stuck = new AtomicBoolean();
        BusSubscription slow = bus.subscribe("slow", List.of("stix2/"), Duration.ZERO, message -> {
            stuck.set(true);
            release.await();
        });
        Collector fast = new Collector();
        BusSubscription quick = bus.subscribe("fast", List.of("stix2/"), Duration.ZERO, fast);

        for (int i = 0; i < 1_000; i++) {
            bus.publish(Messages.indicator(i));
            int expected = i + 1;
            // the fast one gets each message while the slow one is stuck
            Eventually.awaitEquals("fast got message " + i, expected, fast::count);
        }

        Eventually.await("slow stuck", stuck::get);
        assertThat(quick.dropped()).isZero();
        assertThat(slow.queued()).isEqualTo(100);
        assertThat(slow.dropped()).isEqualTo(1_000 - 100 - 1); // one is being delivered, 100 wait
        assertThat(bus.status().topics()).singleElement().satisfies(t -> assertThat(t.dropped()).isEqualTo(899));
        release.countDown();
        Eventually.awaitEquals("slow catches up", 101L, slow::delivered);
    }

    @Test
    void dropOldestKeepsTheNewestMessages() throws Exception {
        assertThat(keptAfterOverflow(OverflowPolicy.DROP_OLDEST)).containsExactly(0, 7, 8, 9);
    }

    @Test
    void dropNewestKeepsTheOldestMessages() throws Exception {
        assertThat(keptAfterOverflow(OverflowPolicy.DROP_NEWEST)).containsExactly(0, 1, 2, 3);
    }

    /** Blocks the subscriber on message 0, publishes 0..9 into an outbox of 3, and returns what arrived. */
    private List<Integer> keptAfterOverflow(OverflowPolicy policy) throws Exception {
        config.outboxCapacity = 3;
        config.overflow = policy;
        RecordingBackbone backbone = startWithBackbone();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch first = new CountDownLatch(1);
        Collector collector = new Collector();
        BusSubscription subscription = bus.subscribe("test", List.of("stix2/"), Duration.ZERO, message -> {
            collector.onMessage(message);
            first.countDown();
            release.await();
        });
        bus.publish(Messages.indicator(0));
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 10; i++) {
            bus.publish(Messages.indicator(i));
        }
        Eventually.awaitEquals("routed", 10, backbone.published::size);
        release.countDown();
        Eventually.awaitEquals("delivered", 4L, subscription::delivered);
        assertThat(subscription.dropped()).isEqualTo(6);
        return collector.received().stream().map(Messages::number).toList();
    }

    @Test
    void blockPolicyWaitsForRoomThenDropsTheNewMessage() throws Exception {
        config.outboxCapacity = 1;
        config.overflow = OverflowPolicy.BLOCK;
        config.blockMs = 50;
        startWithBackbone();
        CountDownLatch release = new CountDownLatch(1);
        BusSubscription subscription = bus.subscribe("test", List.of("stix2/"), Duration.ZERO, m -> release.await());

        publishAll(bus, 3); // one in delivery, one queued, one waits 50 ms and is dropped

        Eventually.awaitEquals("dropped after waiting", 1L, subscription::dropped);
        release.countDown();
        Eventually.awaitEquals("delivered", 2L, subscription::delivered);
    }

    @Test
    void rejectsPublishingWhenTheInboxStaysFullAndCountsIt() throws Exception {
        config.inboxCapacity = 5;
        config.publishTimeoutMs = 20;
        start(); // no backbone: nothing leaves the inbox
        publishAll(bus, 5);

        assertThatThrownBy(() -> bus.publish(Messages.indicator(5)))
                .isInstanceOf(BusOverloadedException.class)
                .hasMessage("the inbox stayed full (5 messages) for 20 ms: indicator rejected");
        assertThat(bus.status().inbox().rejected()).isEqualTo(1);
        assertThat(bus.status().inbox().depth()).isEqualTo(5);
    }
}
