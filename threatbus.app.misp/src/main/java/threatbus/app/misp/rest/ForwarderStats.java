// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of a {@link SightingForwarder} at one moment. Every offered sighting ends up exactly once in
 * {@code sent} or in {@code dropped}, or is still {@code pending}/in flight.
 *
 * @param queued sightings accepted into the queue
 * @param sent sightings MISP accepted
 * @param retried retries after transient failures
 * @param pending sightings waiting in the queue now
 * @param dropped sightings given up, by reason (every reason present)
 */
public record ForwarderStats(long queued, long sent, long retried, int pending, Map<DropReason, Long> dropped) {

    public ForwarderStats {
        EnumMap<DropReason, Long> all = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            all.put(reason, dropped.getOrDefault(reason, 0L));
        }
        dropped = Collections.unmodifiableMap(all);
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason);
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
