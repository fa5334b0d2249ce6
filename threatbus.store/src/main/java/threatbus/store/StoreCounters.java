// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.util.concurrent.atomic.LongAdder;

/** What the store did since it started, for {@code threatbus:store} and the metrics. Thread-safe. */
final class StoreCounters {

    final LongAdder stored = new LongAdder();
    final LongAdder retired = new LongAdder();
    final LongAdder stale = new LongAdder();
    final LongAdder sightings = new LongAdder();
    final LongAdder expired = new LongAdder();
    final LongAdder snapshots = new LongAdder();
    final LongAdder snapshotItems = new LongAdder();

    void indicator(IntelStore.Outcome outcome) {
        switch (outcome) {
            case STORED -> stored.increment();
            case RETIRED -> retired.increment();
            case STALE -> stale.increment();
            default -> throw new IllegalStateException(outcome.name());
        }
    }
}
