// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.inmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import threatbus.api.BackboneUnavailableException;
import threatbus.api.Outbox;
import threatbus.api.message.Indicator;
import threatbus.api.message.Message;
import threatbus.api.message.Sighting;

/** Routing per spec §2.1 on the backbone's own thread: prefix matching, FIFO per subscriber, no copies. */
class InmemBackboneTest {

    private static final Instant T = Instant.parse("2022-06-01T08:30:00Z");
    private InmemBackbone backbone = new InmemBackbone(config(10_000));

    @AfterEach
    void stop() {
        if (backbone != null) {
            backbone.deactivate();
        }
    }

    private static InmemConfig config(int capacity) {
        return new InmemConfig() {
            @Override
            public int handoff_capacity() {
                return capacity;
            }

            @Override
            public int service_ranking() {
                return 0;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return InmemConfig.class;
            }
        };
    }

    /** An outbox that records what it is given. */
    private static final class RecordingOutbox implements Outbox {
        final List<String> topics;
        final List<Message> received = new CopyOnWriteArrayList<>();

        RecordingOutbox(String... topics) {
            this.topics = List.of(topics);
        }

        @Override
        public String subscriptionId() {
            return "test";
        }

        @Override
        public List<String> topics() {
            return topics;
        }

        @Override
        public void put(Message message) {
            received.add(message);
        }
    }

    private static Indicator indicator(int n) {
        return Indicator.builder().created(T).name(Integer.toString(n)).pattern("[domain-name:value = 'x.org']").build();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    @Test
    void routesByPrefixTheSameObjectToEveryMatchingOutbox() throws Exception {
        RecordingOutbox indicators = new RecordingOutbox("stix2/indicator");
        RecordingOutbox all = new RecordingOutbox("");
        RecordingOutbox sightings = new RecordingOutbox("stix2/sighting");
        backbone.subscribe(indicators);
        backbone.subscribe(all);
        backbone.subscribe(sightings);
        Indicator message = indicator(1);

        backbone.publish(message);
        backbone.publish(Sighting.builder().sightingOfRef(message.id()).build());

        await("all", () -> all.received.size() == 2);
        await("indicators", () -> indicators.received.size() == 1);
        await("sightings", () -> sightings.received.size() == 1);
        assertThat(indicators.received.get(0)).isSameAs(message).isSameAs(all.received.get(0));
    }

    @Test
    void keepsOrderPerSubscriber() throws Exception {
        RecordingOutbox outbox = new RecordingOutbox("stix2/");
        backbone.subscribe(outbox);

        for (int i = 0; i < 5_000; i++) {
            backbone.publish(indicator(i));
        }

        await("all routed", () -> outbox.received.size() == 5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(((Indicator) outbox.received.get(i)).name()).contains(Integer.toString(i));
        }
    }

    @Test
    void stopsRoutingToAnUnsubscribedOutbox() throws Exception {
        RecordingOutbox leaving = new RecordingOutbox("stix2/");
        RecordingOutbox staying = new RecordingOutbox("stix2/");
        backbone.subscribe(leaving);
        backbone.subscribe(staying);

        backbone.unsubscribe(leaving);
        backbone.publish(indicator(1));

        await("routed", () -> staying.received.size() == 1);
        assertThat(leaving.received).isEmpty();
    }

    @Test
    void routesEverythingItTookBeforeItStopsAndThenRefusesMore() throws Exception {
        RecordingOutbox outbox = new RecordingOutbox("");
        backbone.subscribe(outbox);
        for (int i = 0; i < 10_000; i++) {
            backbone.publish(indicator(i));
        }

        backbone.deactivate();
        InmemBackbone stopped = backbone;
        backbone = null;

        assertThat(outbox.received).hasSize(10_000);
        assertThatThrownBy(() -> stopped.publish(indicator(10_000))).isInstanceOf(BackboneUnavailableException.class);
    }

    @Test
    void rejectsAnUnusableHandoffCapacity() {
        assertThatThrownBy(() -> new InmemBackbone(config(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handoff.capacity must be at least 1, got 0");
    }
}
