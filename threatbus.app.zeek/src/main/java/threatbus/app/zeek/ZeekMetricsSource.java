// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import threatbus.api.metrics.AppMetrics;
import threatbus.api.metrics.MetricsSource;
import threatbus.api.metrics.Sample;
import threatbus.app.zeek.ZeekIntake.Rejection;
import threatbus.app.zeek.broker.BrokerEndpoint;

/** The Zeek app's counters for the metrics endpoint: the same ones {@code threatbus:zeek} shows. */
@Component(service = MetricsSource.class)
public final class ZeekMetricsSource implements MetricsSource {

    static final String APP = "zeek";

    private final ZeekApp app;

    @Activate
    public ZeekMetricsSource(@Reference ZeekApp app) {
        this.app = app;
    }

    @Override
    public List<Sample> samples() {
        return samples(app.endpoint());
    }

    static List<Sample> samples(ZeekEndpoint endpoint) {
        List<Sample> out = new ArrayList<>();
        BrokerEndpoint broker = endpoint.broker();
        ZeekIntake intake = endpoint.session().intake();
        out.add(AppMetrics.peers(APP, broker.peers().size()));
        out.add(AppMetrics.received(APP, intake.receivedCount()));
        out.add(AppMetrics.published(APP, intake.sightingCount()));
        for (Rejection rejection : Rejection.values()) {
            out.add(AppMetrics.rejected(APP, rejection.name(), intake.rejectedCount(rejection)));
        }
        broker.rejections().forEach((cause, count) -> out.add(AppMetrics.refused(APP, cause.name(), count)));
        out.add(Sample.gauge("threatbus_zeek_subscriptions", "Subscriptions Zeek peers hold.", Map.of(),
                endpoint.session().subscribers().size()));
        return out;
    }
}
