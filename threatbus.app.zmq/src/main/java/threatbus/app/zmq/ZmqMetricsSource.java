// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import threatbus.api.metrics.AppMetrics;
import threatbus.api.metrics.MetricsSource;
import threatbus.api.metrics.Sample;
import threatbus.app.zmq.Intake.Rejection;

/** The zmq app's counters for the metrics endpoint: the same ones {@code threatbus:zmq} shows. */
@Component(service = MetricsSource.class)
public final class ZmqMetricsSource implements MetricsSource {

    static final String APP = "zmq";

    private final ZmqApp app;

    @Activate
    public ZmqMetricsSource(@Reference ZmqApp app) {
        this.app = app;
    }

    @Override
    public List<Sample> samples() {
        return samples(app.endpoint());
    }

    static List<Sample> samples(ZmqEndpoint endpoint) {
        List<Sample> out = new ArrayList<>();
        Clients clients = endpoint.clients();
        Intake intake = endpoint.intake();
        out.add(AppMetrics.peers(APP, clients.all().size()));
        out.add(AppMetrics.received(APP, intake.receivedCount()));
        out.add(AppMetrics.published(APP, intake.publishedCount()));
        for (Rejection rejection : Rejection.values()) {
            out.add(AppMetrics.rejected(APP, rejection.name(), intake.rejectedCount(rejection)));
        }
        out.add(AppMetrics.refused(APP, "authentication", endpoint.authentications()[1]));
        out.add(AppMetrics.dropped(APP, "snapshot_request_not_relayed", clients.requestsNotRelayed()));
        out.add(Sample.counter("threatbus_zmq_connections_total", "Connections apps opened to the subscribe port.",
                Map.of(), endpoint.connections()));
        out.add(Sample.counter("threatbus_zmq_disconnections_total", "Connections to the subscribe port that closed.",
                Map.of(), endpoint.disconnections()));
        out.add(Sample.counter("threatbus_zmq_apps_expired_total", "Apps unsubscribed for missing heartbeats.",
                Map.of(), clients.expired()));
        return out;
    }
}
