// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import threatbus.api.message.Indicator;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.message.Operation;
import threatbus.api.message.Sighting;
import threatbus.api.message.StixObject;
import threatbus.api.stix.PointIoc;

/**
 * The intel the bus carried, in one MVStore file: the latest version of every indicator by STIX id, an
 * index of the point observables of the active ones, the pending expiries by {@code valid_until}, the
 * sightings of the retention period by time, and per indicator the count and first and last time it was
 * seen. MVStore writes append-only chunks and opens at the last complete one, so a killed process leaves a
 * readable file; changes are committed in the background every {@link #COMMIT_MILLIS} ms, and at once where
 * "at most once" depends on it. Thread-safe: writers are serialised, readers see committed or newer data.
 */
final class IntelStore implements AutoCloseable {

    /** How long a change may wait for the background commit: what a {@code kill -9} can cost. */
    static final int COMMIT_MILLIS = 100;

    /** What a new indicator version did to the store. */
    enum Outcome {
        /** Stored as the current, active version. */
        STORED,
        /** Stored as the current version, which retires the indicator (revoked or a REMOVE). */
        RETIRED,
        /** Not newer than the stored version: ignored. */
        STALE
    }

    /** Per indicator: sightings counted (a sighting's {@code count}, else 1), first and last time seen. */
    record SightingSummary(long count, Instant firstSeen, Instant lastSeen) {
    }

    private final MVStore store;
    private final Path file;
    /** STIX id → JSON of the latest version, active or not (a retired one keeps older versions out). */
    private final MVMap<String, byte[]> indicators;
    /** {@code <valid_until millis, 16 digits>|<id>} of active indicators, in time order. */
    private final MVMap<String, String> expiries;
    /** {@code <observable value>\0<id>} of active indicators with a point pattern. */
    private final MVMap<String, String> byValue;
    /** {@code <seen millis, 16 digits>|<sighting id>} → JSON of the sighting. */
    private final MVMap<String, byte[]> sightings;
    /** indicator id → {@code count first-millis last-millis}. */
    private final MVMap<String, String> summaries;
    /**
     * {@code <added microseconds, 16 digits>} → {@code i<indicator id>} or {@code s<sighting key>}: the order in
     * which the current indicator versions and the sightings were stored, TAXII's {@code date_added}.
     */
    private final MVMap<String, String> journal;
    /** indicator id or sighting key → its journal key. */
    private final MVMap<String, String> journalKeys;
    private long lastAddedMicros;

    private IntelStore(MVStore store, Path file) {
        this.store = store;
        this.file = file;
        this.indicators = store.openMap("indicators");
        this.expiries = store.openMap("expiries");
        this.byValue = store.openMap("by-value");
        this.sightings = store.openMap("sightings");
        this.summaries = store.openMap("sighting-summaries");
        this.journal = store.openMap("journal");
        this.journalKeys = store.openMap("journal-keys");
        String last = journal.lastKey();
        this.lastAddedMicros = last == null ? 0 : Long.parseLong(last);
    }

    /** Opens the store in {@code file}, creating it and its folder if need be. */
    static IntelStore open(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the store " + file, e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.setAutoCommitDelay(COMMIT_MILLIS);
        return new IntelStore(store, file);
    }

    /** Stores a version if it is newer than the one held; a REMOVE of the same version also counts as newer. */
    synchronized Outcome put(Indicator indicator) {
        Optional<Indicator> held = indicator(indicator.id());
        if (held.isPresent()) {
            int order = indicator.modified().compareTo(held.get().modified());
            boolean removesHeld = isRemove(indicator) && !isRemove(held.get());
            if (order < 0 || (order == 0 && !removesHeld)) {
                return Outcome.STALE;
            }
            unindex(held.get());
        }
        indicators.put(indicator.id(), indicator.json().toByteArray());
        journal(indicator.id(), "i" + indicator.id());
        if (!isActive(indicator)) {
            return Outcome.RETIRED;
        }
        indicator.validUntil().ifPresent(until -> expiries.put(timeKey(until, indicator.id()), ""));
        PointIoc.of(indicator.pattern()).ifPresent(ioc -> byValue.put(ioc.value() + '\0' + indicator.id(), ""));
        return Outcome.STORED;
    }

    private void unindex(Indicator indicator) {
        indicator.validUntil().ifPresent(until -> expiries.remove(timeKey(until, indicator.id())));
        PointIoc.of(indicator.pattern()).ifPresent(ioc -> byValue.remove(ioc.value() + '\0' + indicator.id()));
    }

    static boolean isActive(Indicator indicator) {
        return !indicator.revoked() && !isRemove(indicator);
    }

    private static boolean isRemove(Indicator indicator) {
        return indicator.update().filter(u -> u == Operation.REMOVE).isPresent();
    }

    Optional<Indicator> indicator(String id) {
        byte[] json = indicators.get(id);
        return json == null ? Optional.empty() : Optional.of(decode(json, Indicator.class));
    }

    /** The ids of active indicators whose point pattern has this value, e.g. an IP address or a domain. */
    List<String> idsByValue(String value) {
        List<String> ids = new ArrayList<>();
        String prefix = value + '\0';
        for (Iterator<String> keys = byValue.keyIterator(prefix); keys.hasNext();) {
            String key = keys.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            ids.add(key.substring(prefix.length()));
        }
        return ids;
    }

    /**
     * Active indicators whose {@code valid_until} is not after {@code now}, earliest first; each is due until
     * {@link #claimExpiry} takes it.
     */
    List<Indicator> dueForExpiry(Instant now, int max) {
        List<Indicator> due = new ArrayList<>();
        String end = timeKey(now, "\uffff");
        for (Iterator<String> keys = expiries.keyIterator(null); keys.hasNext() && due.size() < max;) {
            String key = keys.next();
            if (key.compareTo(end) > 0) {
                break;
            }
            indicator(key.substring(key.indexOf('|') + 1)).ifPresent(due::add);
        }
        return due;
    }

    /**
     * Takes an expiry off the list and commits at once, so that it is withdrawn at most once, also across a
     * crash. False if it was taken already or the indicator changed since.
     */
    synchronized boolean claimExpiry(Indicator indicator) {
        String key = timeKey(indicator.validUntil().orElseThrow(), indicator.id());
        if (expiries.remove(key) == null) {
            return false;
        }
        store.commit();
        return true;
    }

    /** Appends a sighting and counts it for the indicator it sighted. */
    synchronized void add(Sighting sighting) {
        Instant seen = seen(sighting);
        String key = timeKey(seen, sighting.id());
        sightings.put(key, sighting.json().toByteArray());
        journal(key, "s" + key);
        long count = sighting.count().orElse(1);
        SightingSummary held = summary(sighting.sightingOfRef()).orElse(null);
        Instant first = sighting.firstSeen().orElse(seen);
        SightingSummary next = held == null ? new SightingSummary(count, first, seen)
                : new SightingSummary(held.count() + count, min(held.firstSeen(), first), max(held.lastSeen(), seen));
        summaries.put(sighting.sightingOfRef(), next.count() + " " + next.firstSeen().toEpochMilli() + " "
                + next.lastSeen().toEpochMilli());
    }

    /** When a sighting happened: its {@code last_seen}, else {@code first_seen}, else when it was created. */
    static Instant seen(Sighting sighting) {
        return sighting.lastSeen().or(sighting::firstSeen).orElse(sighting.created());
    }

    Optional<SightingSummary> summary(String indicatorId) {
        String value = summaries.get(indicatorId);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(" ");
        return Optional.of(new SightingSummary(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
                Instant.ofEpochMilli(Long.parseLong(parts[2]))));
    }

    /** Drops the sightings seen before {@code cutoff}; their counts stay in the summaries. */
    synchronized int pruneSightings(Instant cutoff) {
        String end = timeKey(cutoff, "");
        List<String> old = new ArrayList<>();
        for (Iterator<String> keys = sightings.keyIterator(null); keys.hasNext();) {
            String key = keys.next();
            if (key.compareTo(end) >= 0) {
                break;
            }
            old.add(key);
        }
        old.forEach(key -> {
            sightings.remove(key);
            String journalKey = journalKeys.remove(key);
            if (journalKey != null) {
                journal.remove(journalKey);
            }
        });
        return old.size();
    }

    /** Records that {@code name} was (re)stored now: its journal entry moves to the end. */
    private void journal(String name, String entry) {
        long micros = Math.max(Long.parseLong(journalKey(Instant.now())), lastAddedMicros + 1);
        lastAddedMicros = micros;
        String key = String.format("%016d", micros);
        journal.put(key, entry);
        String previous = journalKeys.put(name, key);
        if (previous != null) {
            journal.remove(previous);
        }
    }

    /** An object with the time it was added to the store and its place in the journal. */
    record Added(StixObject object, Instant dateAdded, String journalKey) {
    }

    /** What a journal kind selects: indicators (their current versions) or sightings. */
    enum Kind {
        INDICATORS('i'), SIGHTINGS('s');

        private final char tag;

        Kind(char tag) {
            this.tag = tag;
        }
    }

    /**
     * Objects of one kind added after the journal key {@code after} (null: from the start), oldest first,
     * that {@code filter} accepts: at most {@code max}.
     */
    List<Added> added(Kind kind, String after, int max, Predicate<StixObject> filter) {
        List<Added> out = new ArrayList<>();
        for (Iterator<String> keys = journal.keyIterator(after); keys.hasNext() && out.size() < max;) {
            String key = keys.next();
            if (key.equals(after)) {
                continue;
            }
            String entry = journal.get(key);
            if (entry == null || entry.charAt(0) != kind.tag) {
                continue;
            }
            String name = entry.substring(1);
            byte[] json = kind == Kind.INDICATORS ? indicators.get(name) : sightings.get(name);
            if (json == null) {
                continue;
            }
            StixObject object = kind == Kind.INDICATORS ? decode(json, Indicator.class) : decode(json, Sighting.class);
            if (filter.test(object)) {
                out.add(new Added(object, addedTime(key), key));
            }
        }
        return out;
    }

    /** The journal key of a time: objects added after it sort after it. */
    static String journalKey(Instant time) {
        long micros = Math.max(0, time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000);
        return String.format("%016d", micros);
    }

    static Instant addedTime(String journalKey) {
        long micros = Long.parseLong(journalKey);
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }

    /** Active indicators modified at or after {@code since} and not expired at {@code now}. */
    void activeIndicators(Instant since, Instant now, Consumer<Indicator> out) {
        for (byte[] json : indicators.values()) {
            Indicator indicator = decode(json, Indicator.class);
            if (isActive(indicator) && !indicator.modified().isBefore(since)
                    && indicator.validUntil().map(now::isBefore).orElse(true)) {
                out.accept(indicator);
            }
        }
    }

    /** Sightings seen at or after {@code since}, in time order. */
    void sightingsSince(Instant since, Consumer<Sighting> out) {
        for (Iterator<String> keys = sightings.keyIterator(timeKey(since, "")); keys.hasNext();) {
            out.accept(decode(sightings.get(keys.next()), Sighting.class));
        }
    }

    int indicatorCount() {
        return indicators.size();
    }

    int sightingCount() {
        return sightings.size();
    }

    int pendingExpiries() {
        return expiries.size();
    }

    Optional<Instant> oldestSighting() {
        return Optional.ofNullable(sightings.firstKey()).map(IntelStore::timeOf);
    }

    Optional<Instant> newestSighting() {
        return Optional.ofNullable(sightings.lastKey()).map(IntelStore::timeOf);
    }

    long sizeOnDisk() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    Path file() {
        return file;
    }

    /** Whether changes wait for the next commit: what a crash now would lose. */
    boolean hasUnsavedChanges() {
        return store.hasUnsavedChanges();
    }

    /** Writes what is not written yet. */
    void commit() {
        store.commit();
    }

    @Override
    public void close() {
        store.close();
    }

    /** A key that sorts by time: epoch milliseconds in 16 digits (negative times sort first), then a name. */
    static String timeKey(Instant time, String name) {
        long millis = Math.max(0, time.toEpochMilli());
        return String.format("%016d|%s", millis, name);
    }

    private static Instant timeOf(String key) {
        return Instant.ofEpochMilli(Long.parseLong(key.substring(0, 16)));
    }

    private static <T extends StixObject> T decode(byte[] json, Class<T> type) {
        try {
            return MessageCodec.decode(json, type);
        } catch (MessageFormatException e) {
            // only what the bus's codec wrote is stored; a record it cannot read is a corrupt file
            throw new IllegalStateException("the store holds a record the codec cannot read: " + e.getMessage(), e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
