// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.util.Comparator;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import threatbus.api.Subscription;
import threatbus.app.zeek.ZeekIntake.Rejection;
import threatbus.app.zeek.broker.BrokerEndpoint;
import threatbus.app.zeek.broker.BrokerPeer;
import threatbus.app.zeek.broker.PeerStats;
import threatbus.app.zeek.broker.RejectCause;

/** {@code threatbus:zeek}: the Zeek app's endpoint, its peers and subscriptions, and what was rejected. */
@Component(service = ZeekCommands.class, property = {"osgi.command.scope=threatbus", "osgi.command.function=zeek"})
public final class ZeekCommands {

    @Reference
    private ZeekApp app;

    @Descriptor("show the Zeek app: endpoint, peers, subscriptions, events received and rejected")
    public String zeek() {
        ZeekEndpoint endpoint = app.endpoint();
        ZeekSettings settings = endpoint.settings();
        BrokerEndpoint broker = endpoint.broker();
        StringBuilder out = new StringBuilder();
        out.append("Broker endpoint ").append(broker.id()).append(" on ").append(settings.host()).append(':')
                .append(broker.port()).append(" (").append(settings.security().mode().name().toLowerCase()
                        .replace('_', ' ')).append("), namespace ").append(settings.namespace())
                .append(", subscribed to ").append(broker.subscriptions()).append('\n');

        out.append("\nPeers\n");
        String peerFormat = "  %-32s  %-21s  %9s  %9s  %6s  %6s  %s%n";
        out.append(String.format(peerFormat, "ENDPOINT", "ADDRESS", "IN", "OUT", "QUEUED", "PINGS", "FILTER"));
        for (BrokerPeer peer : broker.peers()) {
            PeerStats stats = peer.stats();
            out.append(String.format(peerFormat, peer.id(), peer.remoteAddress(), stats.framesIn(), stats.framesOut(),
                    stats.queued(), stats.pingsAnswered(), peer.filter()));
        }
        if (broker.peers().isEmpty()) {
            out.append("  (none)\n");
        }

        out.append("\nSubscriptions\n");
        String subFormat = "  %-40s  %-6s  %-14s  %9s  %7s  %10s  %7s  %s%n";
        out.append(String.format(subFormat, "P2P TOPIC", "SUB", "STATE", "SENT", "WAITS", "UNMAPPABLE", "DROPPED",
                "PEER"));
        endpoint.session().subscribers().stream().sorted(Comparator.comparing(ZeekSubscriber::p2p)).forEach(s -> {
            Subscription subscription = s.subscription();
            out.append(String.format(subFormat, s.p2p(), subscription.id(),
                    s.state().name().toLowerCase().replace('_', ' '), s.sent(), s.waits(), s.unmappable(),
                    subscription.dropped(), s.peer().remoteAddress()));
        });
        if (endpoint.session().subscribers().isEmpty()) {
            out.append("  (none)\n");
        }

        ZeekIntake intake = endpoint.session().intake();
        out.append("\nFrom Zeek: ").append(intake.receivedCount()).append(" events received: ")
                .append(intake.subscribeCount()).append(" subscribe, ").append(intake.unsubscribeCount())
                .append(" unsubscribe, ").append(intake.sightingCount()).append(" sightings published, ")
                .append(intake.ignoredCount()).append(" ignored (other events); ")
                .append(intake.waitedForBusCount()).append(" waited for room in the bus\n");
        for (Rejection rejection : Rejection.values()) {
            out.append(String.format("  %-20s %9d  %s%n", rejection.name().toLowerCase(),
                    intake.rejectedCount(rejection), rejection.description));
        }
        out.append("\nConnections turned away before peering: ");
        Map<RejectCause, Long> rejections = broker.rejections();
        StringBuilder causes = new StringBuilder();
        for (RejectCause cause : RejectCause.values()) {
            long count = rejections.getOrDefault(cause, 0L);
            if (count > 0) {
                causes.append(causes.length() == 0 ? "" : ", ").append(cause.name().toLowerCase()).append(' ')
                        .append(count);
            }
        }
        out.append(causes.length() == 0 ? "none" : causes).append('\n');
        return out.toString();
    }
}
