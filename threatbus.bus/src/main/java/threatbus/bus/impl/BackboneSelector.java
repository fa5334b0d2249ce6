// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import threatbus.api.Backbone;

/**
 * The registered backbones, ordered by service ranking (highest first; ties: lowest service id first). The
 * first one is active: it publishes. Lets the dispatcher wait for a change instead of polling.
 */
final class BackboneSelector {

    /** One registered backbone service; {@code state} is what it reports of itself, empty if nothing. */
    record Entry(Backbone backbone, String name, int ranking, long serviceId, String bundle, String state) {
        Entry(Backbone backbone, String name, int ranking, long serviceId, String bundle) {
            this(backbone, name, ranking, serviceId, bundle, "");
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    /** entries and version are guarded by this. */
    private List<Entry> entries = List.of();
    private long version;

    synchronized void add(Entry entry) {
        List<Entry> next = new ArrayList<>(entries);
        next.removeIf(e -> e.backbone() == entry.backbone());
        next.add(entry);
        publish(next);
    }

    /** Replaces the entry of the same backbone (its ranking or name changed). */
    synchronized void update(Entry entry) {
        add(entry);
    }

    synchronized Entry remove(Backbone backbone) {
        Entry removed = find(backbone);
        if (removed != null) {
            List<Entry> next = new ArrayList<>(entries);
            next.remove(removed);
            publish(next);
        }
        return removed;
    }

    synchronized Entry find(Backbone backbone) {
        for (Entry e : entries) {
            if (e.backbone() == backbone) {
                return e;
            }
        }
        return null;
    }

    /** The active backbone, or null when there is none. */
    synchronized Entry active() {
        return entries.isEmpty() ? null : entries.get(0);
    }

    /** All backbones, active first. */
    synchronized List<Entry> all() {
        return entries;
    }

    /** A number that changes whenever the set or order of backbones changes. */
    synchronized long version() {
        return version;
    }

    /** Waits until the version differs from {@code seen} or the timeout passes. */
    synchronized void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (version == seen) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    private void publish(List<Entry> next) {
        next.sort(ORDER);
        entries = List.copyOf(next);
        version++;
        notifyAll();
    }
}
