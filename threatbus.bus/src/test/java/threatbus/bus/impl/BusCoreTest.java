// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import threatbus.api.BusOverloadedException;

/** The core's subscription, configuration and counting rules (ARCHITECTURE §5), on a real core. */
class BusCoreTest extends BusCoreFixture {

    @Test
    void aFailingSubscriberIsCountedAndKeepsReceiving() throws Exception {
        startWithBackbone();
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
    void deliversTwiceForOverlappingTopicsOfOneSubscriptionAndEchoesToThePublisher() throws Exception {
        startWithBackbone();
        Collector app = new Collector();
        bus.subscribe("app", List.of("stix2", "stix2/indicator"), Duration.ZERO, app);

        // the same app publishes: there is no echo suppression, as in the original
        bus.publish(Messages.indicator(1));
        bus.publish(Messages.sighting(1));

        Eventually.awaitEquals("received", 3, app::count);
    }

    @Test
    void ignoresDuplicateTopicsInOneSubscription() throws Exception {
        startWithBackbone();
        Collector app = new Collector();
        BusSubscription subscription = bus.subscribe("app", List.of("stix2/", "stix2/"), Duration.ZERO, app);

        bus.publish(Messages.indicator(1));
        bus.publish(Messages.indicator(2));

        Eventually.awaitEquals("received", 2, app::count);
        assertThat(subscription.topics()).containsExactly("stix2/");
    }

    @Test
    void unsubscribingStopsDeliveryAndTellsTheBackbones() throws Exception {
        RecordingBackbone backbone = startWithBackbone();
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
        startWithBackbone();
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
        startWithBackbone();
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
}
