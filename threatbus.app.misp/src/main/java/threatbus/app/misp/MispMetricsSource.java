// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import threatbus.api.metrics.AppMetrics;
import threatbus.api.metrics.MetricsSource;
import threatbus.api.metrics.Sample;
import threatbus.app.misp.feed.FeedStats;
import threatbus.app.misp.rest.DropReason;
import threatbus.app.misp.rest.ForwarderStats;
import threatbus.app.misp.rest.SightingForwarder;

/** The MISP app's counters for the metrics endpoint: the same ones {@code threatbus:misp} shows. */
@Component(service = MetricsSource.class)
public final class MispMetricsSource implements MetricsSource {

    static final String APP = "misp";
    private static final String ATTRIBUTES = "MISP attributes the feed delivered that were not published, per "
            + "outcome.";
    private static final String SNAPSHOTS = "Snapshot requests answered from MISP's REST API, per outcome.";

    private final MispApp app;

    @Activate
    public MispMetricsSource(@Reference MispApp app) {
        this.app = app;
    }

    @Override
    public List<Sample> samples() {
        return samples(app.feed().stats(), app.intake(), app.forwarder().map(SightingForwarder::stats),
                app.snapshots());
    }

    static List<Sample> samples(FeedStats feed, MispIntake intake, Optional<ForwarderStats> forwarder,
            Optional<MispSnapshots> snapshots) {
        List<Sample> out = new ArrayList<>();
        out.add(AppMetrics.peers(APP, feed.connected() ? 1 : 0));
        out.add(AppMetrics.received(APP, feed.received()));
        out.add(AppMetrics.published(APP, intake.publishedCount()));
        // what the feed could not even hand over, then what the intake turned down
        out.add(AppMetrics.rejected(APP, "no_document", feed.malformed()));
        intake.rejections().forEach((cause, count) -> out.add(AppMetrics.rejected(APP, cause.name(), count)));
        out.add(Sample.counter("threatbus_misp_attributes_total", ATTRIBUTES, Map.of("outcome", "filtered"),
                intake.filteredCount()));
        out.add(Sample.counter("threatbus_misp_attributes_total", ATTRIBUTES, Map.of("outcome", "not_for_detection"),
                intake.ignoredCount()));
        out.add(Sample.counter("threatbus_misp_feed_errors_total", "Failures of the feed source itself: refused "
                + "credentials, failed handshakes, Kafka errors.", Map.of(), feed.sourceErrors()));
        forwarder.ifPresent(stats -> {
            out.add(Sample.counter("threatbus_misp_sightings_sent_total", "Sightings MISP accepted.", Map.of(),
                    stats.sent()));
            out.add(Sample.gauge("threatbus_misp_sightings_pending", "Sightings queued or in a retry wait.",
                    Map.of(), stats.pending()));
            for (DropReason reason : DropReason.values()) {
                out.add(AppMetrics.dropped(APP, reason.name(), stats.dropped(reason)));
            }
        });
        snapshots.ifPresent(s -> {
            out.add(Sample.counter("threatbus_misp_snapshots_total", SNAPSHOTS, Map.of("outcome", "answered"),
                    s.answeredCount()));
            out.add(Sample.counter("threatbus_misp_snapshots_total", SNAPSHOTS, Map.of("outcome", "failed"),
                    s.failedCount()));
        });
        return out;
    }
}
