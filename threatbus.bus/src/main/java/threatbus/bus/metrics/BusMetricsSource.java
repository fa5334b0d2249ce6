// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import threatbus.api.metrics.MetricsSource;
import threatbus.api.metrics.Sample;
import threatbus.bus.impl.BusCore;
import threatbus.bus.impl.BusStatus;

/** Reads the same {@link BusStatus} that {@code threatbus:status} shows, so that both always agree. */
@Component(service = MetricsSource.class)
public final class BusMetricsSource implements MetricsSource {

    private final BusCore bus;

    @Activate
    public BusMetricsSource(@Reference BusCore bus) {
        this.bus = bus;
    }

    @Override
    public List<Sample> samples() {
        return samples(bus.status());
    }

    static List<Sample> samples(BusStatus status) {
        List<Sample> out = new ArrayList<>();
        for (BusStatus.TopicRow t : status.topics()) {
            Map<String, String> topic = Map.of("topic", t.topic());
            out.add(Sample.counter("threatbus_messages_in_total", "Messages accepted into the inbox, per topic.",
                    topic, t.in()));
            out.add(Sample.counter("threatbus_messages_out_total", "Messages delivered to subscribers, per topic.",
                    topic, t.out()));
            out.add(Sample.counter("threatbus_messages_dropped_total", "Messages dropped, per topic and reason.",
                    Map.of("topic", t.topic(), "reason", "outbox_full"), t.dropped()));
        }
        BusStatus.InboxRow inbox = status.inbox();
        out.add(Sample.gauge("threatbus_inbox_depth", "Accepted messages not yet handed to a backbone.",
                Map.of(), inbox.depth()));
        out.add(Sample.gauge("threatbus_inbox_capacity", "Capacity of the inbox.", Map.of(), inbox.capacity()));
        out.add(Sample.counter("threatbus_publish_rejected_total", "Publishes refused, per reason.",
                Map.of("reason", "inbox_full"), inbox.rejected()));
        out.add(Sample.counter("threatbus_messages_dropped_total", "Messages dropped, per topic and reason.",
                Map.of("topic", "", "reason", "dispatch_failed"), inbox.dispatchFailures()));
        for (BusStatus.SubscriptionRow s : status.subscriptions()) {
            Map<String, String> sub = Map.of("owner", s.owner(), "subscription", s.id());
            out.add(Sample.gauge("threatbus_outbox_depth", "Messages queued in a subscription's outbox.",
                    sub, s.queued()));
            out.add(Sample.counter("threatbus_subscription_delivered_total",
                    "Messages delivered to a subscription, labelled with the plugin that owns it.", sub, s.delivered()));
            out.add(Sample.counter("threatbus_subscription_dropped_total",
                    "Messages dropped from a subscription's full outbox.", sub, s.dropped()));
            out.add(Sample.counter("threatbus_subscription_failed_total",
                    "Deliveries that the subscriber's callback failed.", sub, s.failed()));
        }
        for (BusStatus.BackboneRow b : status.backbones()) {
            out.add(Sample.gauge("threatbus_backbone_active", "1 for the backbone that publishes, 0 for the others.",
                    Map.of("backbone", b.name()), b.active() ? 1 : 0));
        }
        out.add(Sample.gauge("threatbus_applications", "Applications bound to the bus.", Map.of(),
                status.applications().size()));
        out.add(Sample.gauge("threatbus_snapshots_pending", "Snapshot requests in progress.", Map.of(),
                status.snapshots().pending()));
        return out;
    }
}
