// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import threatbus.api.Bus;
import threatbus.api.Subscriber;
import threatbus.api.Subscription;
import threatbus.api.message.Message;
import threatbus.api.metrics.AppMetrics;
import threatbus.api.metrics.Sample;
import threatbus.app.misp.feed.FeedStats;
import threatbus.app.misp.mapping.IndicatorMapper;
import threatbus.app.misp.mapping.MispMessageException;
import threatbus.app.misp.mapping.PublishedAttributes;
import threatbus.app.misp.rest.DropReason;
import threatbus.app.misp.rest.ForwarderStats;

/** What the MISP app reports for scraping: the intake's real counts, the feed's and the forwarder's figures. */
class MispMetricsSourceTest {

    private static final String ATTRIBUTE = "{\"Attribute\": {\"id\": \"15\", \"event_id\": \"1\", \"category\": "
            + "\"Network activity\", \"type\": \"domain\", \"to_ids\": true, \"uuid\": "
            + "\"5f7b2284-bdd8-4ef4-b457-032ac0a82f02\", \"timestamp\": \"1614599635\", \"deleted\": false, "
            + "\"value\": \"example.com\"}, \"Event\": {\"id\": \"1\", \"org_id\": \"1\", \"orgc_id\": \"1\"}, "
            + "\"action\": \"add\"}";

    private final List<Message> published = new CopyOnWriteArrayList<>();

    private final Bus bus = new Bus() {
        @Override
        public void publish(Message message) {
            published.add(message);
        }

        @Override
        public Subscription subscribe(Collection<String> topics, Duration snapshot, Subscriber subscriber) {
            throw new UnsupportedOperationException("the intake only publishes");
        }
    };

    @Test
    void reportsTheFeedTheIntakeByCauseAndSightingDropsByReason() {
        MispIntake intake = new MispIntake(bus, List.of(), new IndicatorMapper(new PublishedAttributes()));
        intake.onMessage("{not json".getBytes(StandardCharsets.UTF_8));
        intake.onMessage(ATTRIBUTE.getBytes(StandardCharsets.UTF_8));
        assertThat(published).hasSize(1);
        FeedStats feed = new FeedStats(true, 3, 2, 0, 1, 0, 4);
        ForwarderStats forwarder = new ForwarderStats(5, 3, 0, 1, Map.of(DropReason.QUEUE_FULL, 1L));

        List<Sample> samples = MispMetricsSource.samples(feed, intake, Optional.of(forwarder), Optional.empty());

        assertThat(samples).contains(AppMetrics.peers("misp", 1));
        assertThat(samples).contains(AppMetrics.received("misp", 3));
        assertThat(samples).contains(AppMetrics.published("misp", 1));
        assertThat(samples).contains(AppMetrics.rejected("misp", "NOT_JSON", 1));
        assertThat(samples).contains(AppMetrics.rejected("misp", "NO_DOCUMENT", 1));
        assertThat(samples).filteredOn(s -> s.name().equals("threatbus_app_rejected_total"))
                .hasSize(MispMessageException.Cause.values().length + 1);
        assertThat(samples).contains(AppMetrics.dropped("misp", "QUEUE_FULL", 1));
        assertThat(samples).contains(AppMetrics.dropped("misp", "GAVE_UP", 0));
        assertThat(samples).filteredOn(s -> s.name().equals("threatbus_misp_sightings_sent_total"))
                .extracting(Sample::value).containsExactly(3.0);
        assertThat(samples).filteredOn(s -> s.name().equals("threatbus_misp_feed_errors_total"))
                .extracting(Sample::value).containsExactly(4.0);
        assertThat(samples).noneMatch(s -> s.name().equals("threatbus_misp_snapshots_total"));
    }

    @Test
    void withoutTheRestApiNoSightingOrSnapshotSamples() {
        MispIntake intake = new MispIntake(bus, List.of(), new IndicatorMapper(new PublishedAttributes()));
        List<Sample> samples = MispMetricsSource.samples(new FeedStats(false, 0, 0, 0, 0, 0, 0), intake,
                Optional.empty(), Optional.empty());

        assertThat(samples).contains(AppMetrics.peers("misp", 0));
        assertThat(samples).noneMatch(s -> s.name().startsWith("threatbus_misp_sightings")
                || s.name().equals("threatbus_app_dropped_total"));
    }
}
