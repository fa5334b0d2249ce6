// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import threatbus.api.BusOverloadedException;
import threatbus.api.message.Message;
import threatbus.api.message.Topics;

/** How the core picks, follows, swaps and retries backbones (ARCHITECTURE §5), with recording backbones. */
class BackboneDispatchTest extends BusCoreFixture {

    @Test
    void deliversThroughTheActiveBackboneToMatchingSubscribers() throws Exception {
        RecordingBackbone inmem = startWithBackbone();
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
        startWithBackbone();
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
