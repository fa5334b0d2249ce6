// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import threatbus.api.message.Indicator;

/** {@code threatbus:store}: what the store holds, and an indicator looked up by id or observable value. */
@Component(service = StoreCommands.class, property = {"osgi.command.scope=threatbus", "osgi.command.function=store"})
public final class StoreCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StoreApp app;

    @Descriptor("show the store: file and size, indicators, sightings and their time span, retention, expiries")
    public String store() {
        StoreApp store = app;
        if (store == null) {
            return "Store off (store.enabled: false) or not started\n";
        }
        IntelStore intel = store.store();
        StoreCounters counters = store.counters();
        StringBuilder out = new StringBuilder();
        out.append("Store ").append(intel.file().toAbsolutePath()).append(", ").append(intel.sizeOnDisk())
                .append(" bytes on disk\n");
        out.append("Indicators: ").append(intel.indicatorCount()).append(" (retired ones included; up to ")
                .append(intel.versionsKept()).append(" versions of each kept), ").append(intel.pendingExpiries())
                .append(" with a valid_until still to come\n");
        out.append("Sightings: ").append(intel.sightingCount()).append(" kept for ")
                .append(store.retention().toDays()).append(" days");
        intel.oldestSighting().ifPresent(oldest -> out.append(", oldest ").append(oldest));
        intel.newestSighting().ifPresent(newest -> out.append(", newest ").append(newest));
        out.append('\n');
        out.append("Since start: ").append(counters.stored.sum()).append(" indicator versions stored, ")
                .append(counters.retired.sum()).append(" retired, ").append(counters.stale.sum())
                .append(" stale (not newer) ignored, ").append(counters.sightings.sum()).append(" sightings, ")
                .append(counters.expired.sum()).append(" expired and withdrawn, ").append(counters.snapshots.sum())
                .append(" snapshots answered with ").append(counters.snapshotItems.sum()).append(" items\n");
        return out.toString();
    }

    @Descriptor("look up indicators by STIX id (indicator--...) or by observable value (an address, domain, hash)")
    public String store(@Descriptor("indicator id or observable value") String key) {
        StoreApp store = app;
        if (store == null) {
            return "Store off (store.enabled: false) or not started\n";
        }
        IntelStore intel = store.store();
        List<String> ids = new ArrayList<>();
        if (intel.indicator(key).isPresent()) {
            ids.add(key);
        } else {
            ids.addAll(intel.idsByValue(key));
        }
        if (ids.isEmpty()) {
            return "No indicator " + key + " in the store\n";
        }
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            Indicator indicator = intel.indicator(id).orElseThrow();
            int versions = intel.versionCount(id);
            out.append(id).append(IntelStore.isActive(indicator) ? " (active; " : " (retired; ").append(versions)
                    .append(versions == 1 ? " version kept)\n" : " versions kept)\n")
                    .append("  ").append(indicator.json()).append('\n');
            intel.summary(id).ifPresentOrElse(s -> out.append("  sighted ").append(s.count()).append(" times, first ")
                    .append(s.firstSeen()).append(", last ").append(s.lastSeen()).append('\n'),
                    () -> out.append("  never sighted\n"));
        }
        return out.toString();
    }
}
