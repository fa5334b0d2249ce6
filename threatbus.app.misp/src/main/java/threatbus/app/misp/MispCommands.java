// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import threatbus.app.misp.feed.FeedStats;
import threatbus.app.misp.mapping.MispMessageException;
import threatbus.app.misp.rest.DropReason;
import threatbus.app.misp.rest.ForwarderStats;

/** {@code threatbus:misp}: the MISP app's feed, what it published or rejected, sightings and snapshots. */
@Component(service = MispCommands.class, property = {"osgi.command.scope=threatbus", "osgi.command.function=misp"})
public final class MispCommands {

    @Reference
    private MispApp app;

    @Descriptor("show the MISP app: feed, attributes published and rejected, sightings sent to MISP, snapshots")
    public String misp() {
        MispSettings settings = app.settings();
        StringBuilder out = new StringBuilder();
        FeedStats feed = app.feed().stats();
        out.append("Feed: ").append(settings.zmq().map(z -> "ZeroMQ " + z.endpoint())
                .orElseGet(() -> "Kafka " + settings.kafka().orElseThrow().topics()))
                .append(feed.connected() ? " (connected)" : " (not connected)").append("; ")
                .append(feed.received()).append(" received, ").append(feed.skippedTopic()).append(" other topics, ")
                .append(feed.malformed()).append(" malformed, ").append(feed.sourceErrors()).append(" source errors\n");

        MispIntake intake = app.intake();
        out.append("Attributes: ").append(intake.receivedCount()).append(" received, ")
                .append(intake.publishedCount()).append(" published as indicators, ").append(intake.filteredCount())
                .append(" filtered out (").append(settings.filters().size()).append(" filters), ")
                .append(intake.ignoredCount()).append(" not for detection, ").append(intake.waitedForBusCount())
                .append(" waited for room in the bus\n");
        Map<MispMessageException.Cause, Long> rejections = intake.rejections();
        rejections.forEach((cause, count) -> {
            if (count > 0) {
                out.append(String.format("  rejected %-16s %9d%n", cause.name().toLowerCase(), count));
            }
        });

        if (settings.api().isEmpty()) {
            out.append("REST API: not configured (no sightings to MISP, no snapshots)\n");
            return out.toString();
        }
        out.append("REST API: ").append(settings.api().get().host()).append('\n');
        app.forwarder().ifPresent(forwarder -> {
            ForwarderStats stats = forwarder.stats();
            out.append("Sightings to MISP: ").append(stats.queued()).append(" queued, ").append(stats.sent())
                    .append(" sent, ").append(stats.retried()).append(" retried, ").append(stats.pending())
                    .append(" pending");
            for (DropReason reason : DropReason.values()) {
                out.append(", ").append(stats.dropped(reason)).append(' ')
                        .append(reason.name().toLowerCase().replace('_', ' '));
            }
            out.append('\n');
        });
        app.snapshots().ifPresent(snapshots -> out.append("Snapshots: ").append(snapshots.answeredCount())
                .append(" answered with ").append(snapshots.itemCount()).append(" indicators, ")
                .append(snapshots.failedCount()).append(" failed\n"));
        return out.toString();
    }
}
