// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import threatbus.api.metrics.MetricsSource;
import threatbus.api.metrics.Sample;

/** The store's figures for the metrics endpoint: the same ones {@code threatbus:store} shows. */
@Component(service = MetricsSource.class)
public final class StoreMetricsSource implements MetricsSource {

    private static final String INDICATORS = "Indicator versions the store took, per outcome.";

    private final StoreApp app;

    @Activate
    public StoreMetricsSource(@Reference StoreApp app) {
        this.app = app;
    }

    @Override
    public List<Sample> samples() {
        IntelStore store = app.store();
        StoreCounters counters = app.counters();
        List<Sample> out = new ArrayList<>();
        out.add(Sample.gauge("threatbus_store_indicators", "Indicators in the store, retired ones included.",
                Map.of(), store.indicatorCount()));
        out.add(Sample.gauge("threatbus_store_sightings", "Sightings in the store (the retention period's).",
                Map.of(), store.sightingCount()));
        out.add(Sample.gauge("threatbus_store_expiries_pending", "Active indicators with a valid_until to come.",
                Map.of(), store.pendingExpiries()));
        out.add(Sample.gauge("threatbus_store_unsaved", "1 while changes wait for the next commit to disk, else 0.",
                Map.of(), store.hasUnsavedChanges() ? 1 : 0));
        out.add(Sample.gauge("threatbus_store_bytes", "Size of the store file.", Map.of(), store.sizeOnDisk()));
        out.add(Sample.counter("threatbus_store_indicator_versions_total", INDICATORS, Map.of("outcome", "stored"),
                counters.stored.sum()));
        out.add(Sample.counter("threatbus_store_indicator_versions_total", INDICATORS, Map.of("outcome", "retired"),
                counters.retired.sum()));
        out.add(Sample.counter("threatbus_store_indicator_versions_total", INDICATORS, Map.of("outcome", "stale"),
                counters.stale.sum()));
        out.add(Sample.counter("threatbus_store_expired_total", "Indicators withdrawn when their valid_until passed.",
                Map.of(), counters.expired.sum()));
        out.add(Sample.counter("threatbus_store_snapshots_total", "Snapshot requests the store answered.", Map.of(),
                counters.snapshots.sum()));
        return out;
    }
}
