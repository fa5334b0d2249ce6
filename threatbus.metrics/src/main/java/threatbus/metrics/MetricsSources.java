// SPDX-License-Identifier: BSD-3-Clause
package threatbus.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.metrics.MetricsSource;
import threatbus.api.metrics.Sample;

/** Every {@link MetricsSource} registered, as they come and go; a failing source costs only its own samples. */
@Component(service = MetricsSources.class)
public final class MetricsSources {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsSources.class);

    private final List<MetricsSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricsSource source) {
        sources.add(source);
    }

    void removeSource(MetricsSource source) {
        sources.remove(source);
    }

    /** The samples of all sources now. */
    List<Sample> collect() {
        List<Sample> all = new ArrayList<>();
        for (MetricsSource source : sources) {
            try {
                all.addAll(source.samples());
            } catch (RuntimeException e) {
                LOG.warn("metrics source {} failed: {}", source.getClass().getName(), e.toString());
            }
        }
        return all;
    }
}
