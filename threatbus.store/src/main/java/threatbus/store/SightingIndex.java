// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.h2.mvstore.MVMap;

import threatbus.api.message.Sighting;

/**
 * The store's indexes of sightings: the sightings kept, by the time they happened, and per indicator the
 * count and the first and last time seen, which outlive the sightings. The sightings' documents are in
 * {@link IntelStore}, which serialises writes.
 */
final class SightingIndex {

    /** Per indicator: sightings counted (a sighting's {@code count}, else 1), first and last time seen. */
    record Summary(long count, Instant firstSeen, Instant lastSeen) {
    }

    /** {@code <seen millis, 16 digits>|<sighting id>} → the sighting's key in the documents. */
    private final MVMap<String, String> bySeen;
    /** indicator id → {@code count first-millis last-millis}. */
    private final MVMap<String, String> summaries;

    SightingIndex(MVMap<String, String> bySeen, MVMap<String, String> summaries) {
        this.bySeen = bySeen;
        this.summaries = summaries;
    }

    /** When a sighting happened: its {@code last_seen}, else {@code first_seen}, else when it was created. */
    static Instant seen(Sighting sighting) {
        return sighting.lastSeen().or(sighting::firstSeen).orElse(sighting.created());
    }

    /** Indexes a sighting stored under {@code documentKey} and counts it for the indicator it sighted. */
    void add(Sighting sighting, String documentKey) {
        Instant seen = seen(sighting);
        bySeen.put(StoreKeys.timeKey(seen, sighting.id()), documentKey);
        long count = sighting.count().orElse(1);
        Summary held = summary(sighting.sightingOfRef()).orElse(null);
        Instant first = sighting.firstSeen().orElse(seen);
        Summary next = held == null ? new Summary(count, first, seen)
                : new Summary(held.count() + count, min(held.firstSeen(), first), max(held.lastSeen(), seen));
        summaries.put(sighting.sightingOfRef(), next.count() + " " + next.firstSeen().toEpochMilli() + " "
                + next.lastSeen().toEpochMilli());
    }

    Optional<Summary> summary(String indicatorId) {
        String value = summaries.get(indicatorId);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(" ");
        return Optional.of(new Summary(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
                Instant.ofEpochMilli(Long.parseLong(parts[2]))));
    }

    /** Unindexes the sightings seen before {@code cutoff}; the keys of their documents. */
    List<String> removeSeenBefore(Instant cutoff) {
        String end = StoreKeys.timeKey(cutoff, "");
        List<String> old = new ArrayList<>();
        for (Iterator<String> keys = bySeen.keyIterator(null); keys.hasNext();) {
            String key = keys.next();
            if (key.compareTo(end) >= 0) {
                break;
            }
            old.add(key);
        }
        List<String> documentKeys = new ArrayList<>(old.size());
        old.forEach(key -> documentKeys.add(bySeen.remove(key)));
        return documentKeys;
    }

    /** The document keys of the sightings seen at or after {@code since}, in time order. */
    Iterator<String> documentKeysSince(Instant since) {
        Iterator<String> keys = bySeen.keyIterator(StoreKeys.timeKey(since, ""));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public String next() {
                return bySeen.get(keys.next());
            }
        };
    }

    int count() {
        return bySeen.size();
    }

    Optional<Instant> oldest() {
        return Optional.ofNullable(bySeen.firstKey()).map(StoreKeys::timeOf);
    }

    Optional<Instant> newest() {
        return Optional.ofNullable(bySeen.lastKey()).map(StoreKeys::timeOf);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
