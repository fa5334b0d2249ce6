// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import threatbus.api.Application;
import threatbus.api.SnapshotSink;
import threatbus.api.message.Indicator;
import threatbus.api.message.MessageType;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.api.message.SnapshotRequest;
import threatbus.api.message.Topics;

/** Snapshots as in spec §1.9: requests over the bus, answers point-to-point and unwrapped, ids that expire. */
class SnapshotCoordinationTest {

    private final TestConfig config = new TestConfig();
    private BusCore bus;
    private final List<SnapshotRequest> asked = new CopyOnWriteArrayList<>();

    private final List<Indicator> historic = List.of(Messages.indicator(1001), Messages.indicator(1002));

    /** An application that answers indicator requests with two historic indicators, the same each time. */
    private final Application history = new Application() {
        @Override
        public void snapshot(SnapshotRequest request, SnapshotSink sink) {
            asked.add(request);
            if (request.type() == MessageType.INDICATOR) {
                try {
                    sink.add(historic.get(0));
                    sink.add(historic.get(1));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
    };

    @BeforeEach
    void start() {
        bus = new BusCore();
        bus.activate(config, config.properties());
        bus.addBackbone(new RecordingBackbone("inmem").entry(0, 1));
        bus.addApplication(history, "history", 1, "test");
    }

    @AfterEach
    void stop() {
        bus.deactivate();
    }

    @Test
    void deliversHistoryOnlyToTheRequesterUnwrapped() throws Exception {
        Collector bystander = new Collector();
        bus.subscribe("other", List.of(Topics.INDICATOR), Duration.ZERO, bystander);
        Collector requester = new Collector();

        BusSubscription subscription = bus.subscribe("new", List.of(Topics.INDICATOR), Duration.ofDays(30), requester);

        Eventually.awaitEquals("history delivered", 2, requester::count);
        assertThat(requester.received()).extracting(Messages::number).containsExactly(1001, 1002);
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.type()).isEqualTo(MessageType.INDICATOR);
            assertThat(request.snapshot()).isEqualTo(Duration.ofDays(30));
            assertThat(request.snapshotId()).isEqualTo(subscription.snapshotId().orElseThrow());
        });
        assertThat(bystander.count()).isZero();
        assertThat(bus.status().snapshots().itemsDelivered()).isEqualTo(2);
    }

    @Test
    void anItemTwoApplicationsHoldReachesTheRequesterOnce() throws Exception {
        // a second application with the same history, as the store and MISP may both have an indicator
        bus.addApplication(history, "same-history", 2, "test");
        Collector requester = new Collector();

        bus.subscribe("new", List.of(Topics.INDICATOR), Duration.ofDays(30), requester);

        Eventually.awaitEquals("both answered", 4, () -> asked.size() * 2);
        Eventually.awaitEquals("duplicates counted", 2L, () -> bus.status().snapshots().duplicateItems());
        Eventually.awaitEquals("history delivered", 2, requester::count);
        assertThat(requester.received()).extracting(Messages::number).containsExactlyInAnyOrder(1001, 1002);
        assertThat(bus.status().snapshots().itemsDelivered()).isEqualTo(2);
    }

    @Test
    void anApplicationThatArrivesWhileASnapshotIsPendingIsAskedToo() throws Exception {
        bus.removeApplication(history);
        Collector requester = new Collector();
        bus.subscribe("new", List.of(Topics.INDICATOR), Duration.ofDays(30), requester);
        assertThat(asked).isEmpty();

        bus.addApplication(history, "late", 3, "test");

        Eventually.awaitEquals("history delivered", 2, requester::count);
        // asked once or, if the request reached the bus's applications after the app arrived, twice: the
        // requester gets each item once either way
        assertThat(asked).isNotEmpty().allSatisfy(r -> assertThat(r.snapshot()).isEqualTo(Duration.ofDays(30)));
        assertThat(requester.received()).extracting(Messages::number).containsExactlyInAnyOrder(1001, 1002);
    }

    @Test
    void asksForBothTypesUnderOneIdForTheStixPrefix() {
        BusSubscription subscription = bus.subscribe("new", List.of("stix2/"), Duration.ofHours(1), new Collector());

        Eventually.awaitEquals("requests", 2, asked::size);
        assertThat(asked).extracting(SnapshotRequest::type)
                .containsExactlyInAnyOrder(MessageType.INDICATOR, MessageType.SIGHTING);
        assertThat(asked).extracting(SnapshotRequest::snapshotId).containsOnly(subscription.snapshotId().orElseThrow());
    }

    @Test
    void publishesRequestsOnTheBusWhereSubscribersSeeThem() {
        Collector watcher = new Collector();
        bus.subscribe("watcher", List.of(Topics.SNAPSHOT_REQUEST), Duration.ZERO, watcher);

        bus.subscribe("new", List.of(Topics.SIGHTING), Duration.ofDays(1), new Collector());

        Eventually.awaitEquals("request seen", 1, watcher::count);
        assertThat(watcher.received().get(0)).isInstanceOf(SnapshotRequest.class);
    }

    @Test
    void requestsNothingForTopicsWithoutHistory() {
        BusSubscription subscription = bus.subscribe("new", List.of("threatbus/"), Duration.ofDays(1), new Collector());

        assertThat(subscription.snapshotId()).isEmpty();
        assertThat(bus.status().snapshots().pending()).isZero();
    }

    @Test
    void countsEnvelopesForSnapshotsOfOtherHosts() throws Exception {
        bus.publish(new SnapshotEnvelope(MessageType.INDICATOR, "someone-elses-id", Messages.indicator(1)));

        Eventually.awaitEquals("unmatched", 1L, () -> bus.status().snapshots().unmatchedEnvelopes());
    }

    @Test
    void forgetsSnapshotIdsWhenTheirTimeIsUp() {
        config.snapshotTtlS = 1;
        bus.modified(config, config.properties());
        BusSubscription subscription = bus.subscribe("new", List.of(Topics.SIGHTING), Duration.ofDays(1),
                new Collector());
        assertThat(bus.status().snapshots().pending()).isEqualTo(1);

        Eventually.awaitEquals("expired", 1L, () -> bus.status().snapshots().expired());

        assertThat(bus.status().snapshots().pending()).isZero();
        assertThat(subscription.isActive()).isTrue();
    }

    @Test
    void forgetsSnapshotIdsOfEndedSubscriptions() {
        BusSubscription subscription = bus.subscribe("new", List.of(Topics.SIGHTING), Duration.ofDays(1),
                new Collector());

        subscription.unsubscribe();

        assertThat(bus.status().snapshots().pending()).isZero();
    }

    @Test
    void aFailingApplicationDoesNotStopTheOthers() {
        bus.addApplication(new Application() {
            @Override
            public void snapshot(SnapshotRequest request, SnapshotSink sink) {
                throw new IllegalStateException("no history here");
            }
        }, "broken", 2, "test");
        Collector requester = new Collector();

        bus.subscribe("new", List.of(Topics.INDICATOR), Duration.ofDays(1), requester);

        Eventually.awaitEquals("history from the working application", 2, requester::count);
    }

    @ParameterizedTest
    @CsvSource({"stix2, INDICATOR SIGHTING", "stix2/, INDICATOR SIGHTING", "stix2/indicator, INDICATOR",
        "stix2/sighting, SIGHTING", "my/indicator, INDICATOR", "'', ''", "stix, ''", "threatbus/, ''"})
    void derivesRequestedTypesFromTopicsAsTheOriginal(String topic, String types) {
        assertThat(SnapshotCoordinator.typesFor(topic)).map(Enum::name)
                .containsExactlyInAnyOrder(types.isEmpty() ? new String[0] : types.split(" "));
    }
}
