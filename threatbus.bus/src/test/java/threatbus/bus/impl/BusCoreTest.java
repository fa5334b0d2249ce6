// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import threatbus.api.BusOverloadedException;
import threatbus.api.message.Message;
import threatbus.api.message.Topics;

/** The core's rules (ARCHITECTURE §5), exercised on a real core with recording backbones. */
class BusCoreTest {

    private final TestConfig config = new TestConfig();
    private BusCore bus;

    private BusCore start() {
        bus = new BusCore();
        bus.activate(config, config.properties());
        return bus;
    }

    @AfterEach
    void stop() {
        if (bus != null) {
            bus.deactivate();
        }
    }

    private static void publishAll(BusCore bus, int count) throws BusOverloadedException {
        for (int i = 0; i < count; i++) {
            bus.publish(Messages.indicator(i));
        }
    }

    @Test
    void deliversThroughTheActiveBackboneToMatchingSubscribers() throws Exception {
        start();
        RecordingBackbone inmem = new RecordingBackbone("inmem");
        bus.addBackbone(inmem.entry(0, 1));
        Collector indicators = new Collector();
        Collector sightings = new Collector();
        Collector everything = new Collector();
        bus.subscribe("test", List.of(Topics.INDICATOR), Duration.ZERO, indicators);
        bus.subscribe("test", List.of(Topics.SIGHTING), Duration.ZERO, sightings);
        bus.subscribe("test", List.of(Topics.ALL), Duration.ZERO, everything);

        bus.publish(Messages.indicator(1));
        bus.publish(Messages.sighting(1));

        Eventually.awaitEquals("everything", 2, everything::count);
        Eventually.awaitEquals("indicators", 1, indicators::count);
        Eventually.awaitEquals("sightings", 1, sightings::count);
        assertThat(indicators.received().get(0).topic()).isEqualTo(Topics.INDICATOR);
        assertThat(sightings.received().get(0).topic()).isEqualTo(Topics.SIGHTING);
    }

    @Test
    void sharesOneMessageObjectWithEverySubscriber() throws Exception {
        start();
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
        Collector a = new Collector();
        Collector b = new Collector();
        bus.subscribe("test", List.of("stix2/"), Duration.ZERO, a);
        bus.subscribe("test", List.of(""), Duration.ZERO, b);
        Message message = Messages.indicator(7);

        bus.publish(message);

        Eventually.awaitEquals("a", 1, a::count);
        Eventually.awaitEquals("b", 1, b::count);
        assertThat(a.received().get(0)).isSameAs(message);
        assertThat(b.received().get(0)).isSameAs(message);
    }

    @Test
    void keepsMessagesWhileNoBackboneIsActiveAndDeliversThemToALateOne() throws Exception {
        start();
        Collector subscriber = new Collector();
        bus.subscribe("test", List.of("stix2/"), Duration.ZERO, subscriber);

        publishAll(bus, 100);
        Eventually.awaitEquals("inbox depth", 100, () -> bus.status().inbox().depth());
        assertThat(subscriber.count()).isZero();

        RecordingBackbone late = new RecordingBackbone("late");
        bus.addBackbone(late.entry(0, 1));

        Eventually.awaitEquals("delivered", 100, subscriber::count);
        assertThat(late.subscriptions()).as("live subscriptions replayed to the late backbone").isEqualTo(2);
        assertThat(subscriber.received()).extracting(Messages::number)
                .containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void everyBackboneLearnsEverySubscriptionButOnlyTheHighestRankedPublishes() throws Exception {
        start();
        RecordingBackbone low = new RecordingBackbone("low");
        RecordingBackbone high = new RecordingBackbone("high");
        bus.addBackbone(low.entry(0, 1));
        bus.subscribe("test", List.of("stix2/"), Duration.ZERO, new Collector());
        bus.addBackbone(high.entry(10, 2));

        bus.publish(Messages.indicator(1));

        Eventually.awaitEquals("published on high", 1, high.published::size);
        assertThat(low.published).isEmpty();
        assertThat(low.subscriptions()).isEqualTo(high.subscriptions()).isEqualTo(2);
        assertThat(bus.status().backbones()).extracting(BusStatus.BackboneRow::name, BusStatus.BackboneRow::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("high", true),
                        org.assertj.core.groups.Tuple.tuple("low", false));
    }

    @Test
    void showsWhatABackboneReportsOfItsStateAndFollowsItsUpdates() throws Exception {
        start();
        RecordingBackbone remote = new RecordingBackbone("remote");
        bus.addBackbone(new BackboneSelector.Entry(remote, "remote", 10, 1, "test", "disconnected: refused"));
        assertThat(bus.status().backbones()).extracting(BusStatus.BackboneRow::state)
                .containsExactly("disconnected: refused");

        bus.updateBackbone(new BackboneSelector.Entry(remote, "remote", 10, 1, "test", "connected"));

        assertThat(bus.status().backbones()).extracting(BusStatus.BackboneRow::state).containsExactly("connected");
    }

    @Test
    void breaksRankingTiesByLowestServiceId() throws Exception {
        start();
        RecordingBackbone older = new RecordingBackbone("older");
        RecordingBackbone newer = new RecordingBackbone("newer");
        bus.addBackbone(newer.entry(5, 20));
        bus.addBackbone(older.entry(5, 10));

        bus.publish(Messages.indicator(1));

        Eventually.awaitEquals("published on older", 1, older.published::size);
        assertThat(newer.published).isEmpty();
    }

    @Test
    void swapsBackbonesMidStreamWithoutLosingOrDuplicatingAMessage() throws Exception {
        start();
        RecordingBackbone first = new RecordingBackbone("first");
        RecordingBackbone second = new RecordingBackbone("second");
        bus.addBackbone(first.entry(0, 1));
        Collector subscriber = new Collector();
        bus.subscribe("test", List.of("stix2/"), Duration.ZERO, subscriber);
        int total = 20_000;
        Thread publisher = new Thread(() -> {
            try {
                publishAll(bus, total);
            } catch (BusOverloadedException e) {
                throw new AssertionError(e);
            }
        });

        publisher.start();
        Eventually.await("traffic flowing", () -> subscriber.count() > 1_000);
        bus.addBackbone(second.entry(10, 2));
        Eventually.await("second takes over", () -> !second.published.isEmpty());
        bus.removeBackbone(first);
        publisher.join();

        Eventually.awaitEquals("all delivered", total, subscriber::count);
        assertThat(subscriber.received()).extracting(Messages::number)
                .containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
        assertThat(first.published.size() + second.published.size()).isEqualTo(total);
    }

    @Test
    void aSlowSubscriberOnlyFillsItsOwnOutbox() throws Exception {
        config.outboxCapacity = 100;
        start();
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
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
        start();
        RecordingBackbone backbone = new RecordingBackbone("inmem");
        bus.addBackbone(backbone.entry(0, 1));
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
        start();
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
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

    @Test
    void retriesAnUnavailableBackboneWithoutLosingTheMessage() throws Exception {
        start();
        RecordingBackbone backbone = new RecordingBackbone("broker");
        backbone.unavailable = true;
        bus.addBackbone(backbone.entry(0, 1));
        Collector subscriber = new Collector();
        bus.subscribe("test", List.of("stix2/"), Duration.ZERO, subscriber);

        publishAll(bus, 10);
        Eventually.awaitEquals("waiting", 10, () -> bus.status().inbox().depth());
        backbone.unavailable = false;

        Eventually.awaitEquals("delivered", 10, subscriber::count);
        assertThat(bus.status().inbox().dispatchFailures()).isZero();
    }

    @Test
    void givesUpAMessageABackboneKeepsFailingOnAndCountsIt() throws Exception {
        start();
        RecordingBackbone backbone = new RecordingBackbone("broken");
        backbone.failuresToThrow.set(Dispatcher.MAX_ATTEMPTS);
        bus.addBackbone(backbone.entry(0, 1));
        Collector subscriber = new Collector();
        bus.subscribe("test", List.of("stix2/"), Duration.ZERO, subscriber);

        publishAll(bus, 2);

        Eventually.awaitEquals("second delivered", 1, subscriber::count);
        assertThat(Messages.number(subscriber.received().get(0))).isEqualTo(1);
        assertThat(bus.status().inbox().dispatchFailures()).isEqualTo(1);
    }

    @Test
    void aFailingSubscriberIsCountedAndKeepsReceiving() throws Exception {
        start();
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
        Collector collector = new Collector();
        BusSubscription subscription = bus.subscribe("test", List.of("stix2/"), Duration.ZERO, message -> {
            if (Messages.number(message) % 2 == 0) {
                throw new IllegalStateException("even numbers upset me");
            }
            collector.onMessage(message);
        });

        publishAll(bus, 10);

        Eventually.awaitEquals("odd ones delivered", 5, collector::count);
        Eventually.awaitEquals("even ones failed", 5L, subscription::failed);
        assertThat(subscription.delivered()).isEqualTo(5);
    }

    @Test
    void aBackboneFailingToSubscribeDoesNotStopTheSubscription() throws Exception {
        start();
        RecordingBackbone good = new RecordingBackbone("good");
        bus.addBackbone(good.entry(10, 1));
        bus.addBackbone(new BrokenBackbone().entry());
        Collector subscriber = new Collector();

        bus.subscribe("test", List.of("stix2/"), Duration.ZERO, subscriber);
        bus.publish(Messages.indicator(1));

        Eventually.awaitEquals("delivered", 1, subscriber::count);
    }

    @Test
    void deliversTwiceForOverlappingTopicsOfOneSubscriptionAndEchoesToThePublisher() throws Exception {
        start();
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
        Collector app = new Collector();
        bus.subscribe("app", List.of("stix2", "stix2/indicator"), Duration.ZERO, app);

        // the same app publishes: there is no echo suppression, as in the original
        bus.publish(Messages.indicator(1));
        bus.publish(Messages.sighting(1));

        Eventually.awaitEquals("received", 3, app::count);
    }

    @Test
    void ignoresDuplicateTopicsInOneSubscription() throws Exception {
        start();
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
        Collector app = new Collector();
        BusSubscription subscription = bus.subscribe("app", List.of("stix2/", "stix2/"), Duration.ZERO, app);

        bus.publish(Messages.indicator(1));
        bus.publish(Messages.indicator(2));

        Eventually.awaitEquals("received", 2, app::count);
        assertThat(subscription.topics()).containsExactly("stix2/");
    }

    @Test
    void unsubscribingStopsDeliveryAndTellsTheBackbones() throws Exception {
        start();
        RecordingBackbone backbone = new RecordingBackbone("inmem");
        bus.addBackbone(backbone.entry(0, 1));
        Collector subscriber = new Collector();
        BusSubscription subscription = bus.subscribe("test", List.of("stix2/"), Duration.ZERO, subscriber);
        bus.publish(Messages.indicator(1));
        Eventually.awaitEquals("first", 1, subscriber::count);

        subscription.unsubscribe();
        subscription.unsubscribe(); // idempotent
        bus.publish(Messages.indicator(2));

        Eventually.awaitEquals("routed", 2, backbone.published::size);
        assertThat(subscription.isActive()).isFalse();
        assertThat(backbone.subscriptions()).isEqualTo(1); // only the bus's own snapshot subscription
        assertThat(bus.subscription(subscription.id())).isEmpty();
        assertThat(subscriber.count()).isEqualTo(1);
    }

    @Test
    void appliesANewConfigurationToExistingOutboxes() throws Exception {
        start();
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch delivering = new CountDownLatch(1);
        BusSubscription subscription = bus.subscribe("test", List.of("stix2/"), Duration.ZERO, m -> {
            delivering.countDown();
            release.await();
        });

        config.outboxCapacity = 2;
        config.overflow = OverflowPolicy.DROP_NEWEST;
        config.inboxCapacity = 7;
        bus.modified(config, config.properties());
        // the first message is in delivery before the others come, so that exactly 2 queue and 7 drop
        publishAll(bus, 1);
        assertThat(delivering.await(10, TimeUnit.SECONDS)).isTrue();
        publishAll(bus, 9);

        Eventually.awaitEquals("dropped", 7L, subscription::dropped); // 1 in delivery, 2 queued
        assertThat(bus.status().outboxes()).isEqualTo(new OutboxSettings(2, OverflowPolicy.DROP_NEWEST, 1_000));
        assertThat(bus.status().inbox().capacity()).isEqualTo(7);
        release.countDown();
    }

    @Test
    void startsWithDefaultsForInvalidValues() {
        config.outboxCapacity = 0;
        config.inboxCapacity = 50;

        start();

        assertThat(bus.status().outboxes().capacity()).isEqualTo(10_000);
        assertThat(bus.status().inbox().capacity()).isEqualTo(50);
    }

    @Test
    void rejectsAnInvalidChangeAsAWhole() {
        start();
        config.inboxCapacity = 7;
        config.outboxCapacity = -1;

        bus.modified(config, config.properties());

        assertThat(bus.status().inbox().capacity()).isEqualTo(10_000);
        assertThat(bus.status().outboxes().capacity()).isEqualTo(10_000);
    }

    @Test
    void refusesSubscriptionsWithoutTopics() {
        start();

        assertThatThrownBy(() -> bus.subscribe("test", List.of(), Duration.ZERO, new Collector()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bus.subscribe("test", List.of("stix2/"), Duration.ofDays(-1), new Collector()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsMessagesPerTopic() throws Exception {
        start();
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
        Collector subscriber = new Collector();
        bus.subscribe("test", List.of("stix2/indicator"), Duration.ZERO, subscriber);

        publishAll(bus, 3);
        bus.publish(Messages.sighting(1));

        Eventually.awaitEquals("delivered", 3, subscriber::count);
        assertThat(bus.status().topics()).containsExactly(
                new BusStatus.TopicRow("stix2/indicator", 3, 3, 0),
                new BusStatus.TopicRow("stix2/sighting", 1, 0, 0));
    }

    @Test
    void refusesToPublishAfterStopping() {
        start();
        bus.deactivate();
        BusCore stopped = bus;
        bus = null;

        assertThatThrownBy(() -> stopped.publish(Messages.indicator(1))).isInstanceOf(BusOverloadedException.class)
                .hasMessage("the bus is not running");
    }

    /** A backbone whose subscribe calls throw. */
    private static final class BrokenBackbone implements threatbus.api.Backbone {
        BackboneSelector.Entry entry() {
            return new BackboneSelector.Entry(this, "broken", 0, 99, "test");
        }

        @Override
        public void publish(Message message) {
            throw new IllegalStateException("never active");
        }

        @Override
        public void subscribe(threatbus.api.Outbox outbox) {
            throw new IllegalStateException("cannot subscribe");
        }

        @Override
        public void unsubscribe(threatbus.api.Outbox outbox) {
            throw new IllegalStateException("cannot unsubscribe");
        }
    }
}
