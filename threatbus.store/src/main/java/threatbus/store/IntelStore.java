// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import static threatbus.store.Documents.INDICATOR;
import static threatbus.store.Documents.SIGHTING;
import static threatbus.store.Documents.SUPERSEDED;
import static threatbus.store.Documents.decode;
import static threatbus.store.Documents.tagged;

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

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;

import threatbus.api.history.Versions;
import threatbus.api.message.Indicator;
import threatbus.api.message.Operation;
import threatbus.api.message.Sighting;
import threatbus.api.message.StixObject;
import threatbus.api.stix.PointIoc;

/**
 * The intel the bus carried, in one MVStore file: the latest versions of every indicator (a configured number
 * of them) and the sightings of the retention period, in the order they were stored, with indexes by STIX id
 * and version, by the point observable of the active indicators, by {@code valid_until} for pending expiries,
 * and the {@link SightingIndex}. MVStore writes append-only chunks and opens at the last complete one, so a
 * killed process leaves a readable file; changes are committed in the background every {@link #COMMIT_MILLIS}
 * ms, and at once where "at most once" depends on it. Thread-safe: writers are serialised, readers see
 * committed or newer data.
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

    private final MVStore store;
    private final Path file;
    private final int versionsKept;
    /**
     * {@code <added microseconds, 16 digits>} → a tag byte ({@code i} an indicator's latest version, {@code v}
     * an earlier one, {@code s} a sighting) and the JSON: every indicator version and sighting kept, in the
     * order they were stored (TAXII's {@code date_added}). Its keys only grow, so writing appends to its last
     * pages; the maps keyed by ids and values hold short keys only, which keeps the pages a commit rewrites small.
     */
    private final MVMap<String, byte[]> documents;
    private final IndicatorIndex indicators;
    /** {@code <valid_until millis, 16 digits>|<id>} of active indicators, in time order. */
    private final MVMap<String, String> expiries;
    /** {@code <observable value>\0<id>} of active indicators with a point pattern. */
    private final MVMap<String, String> byValue;
    private final SightingIndex sightings;
    private long lastAddedMicros;

    private IntelStore(MVStore store, Path file, int versionsKept) {
        this.store = store;
        this.file = file;
        this.versionsKept = versionsKept;
        this.documents = store.openMap("documents", new MVMap.Builder<String, byte[]>()
                .keyType(Utf8StringType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
        this.indicators = new IndicatorIndex(textMap(store, "indicator-index"));
        this.expiries = textMap(store, "expiries");
        this.byValue = textMap(store, "by-value");
        this.sightings = new SightingIndex(textMap(store, "sightings-by-seen"), textMap(store, "sighting-summaries"));
        String last = documents.lastKey();
        this.lastAddedMicros = last == null ? 0 : Long.parseLong(last);
    }

    private static MVMap<String, String> textMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<String, String>().keyType(Utf8StringType.INSTANCE)
                .valueType(Utf8StringType.INSTANCE));
    }

    /**
     * Opens the store in {@code file}, creating it and its folder if need be; {@code versionsKept} versions of
     * each indicator are kept, the latest included (a lower number applies as the indicators change).
     */
    static IntelStore open(Path file, int versionsKept) {
        if (versionsKept < 1) {
            throw new IllegalArgumentException("at least the latest version is kept, got " + versionsKept);
        }
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the store " + file, e);
        }
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).open();
        } catch (MVStoreException e) {
            String remedy = e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED
                    ? "another process uses it: stop that one, or give this one another store.path"
                    : "move the file aside to start with an empty history, or turn the store off with "
                            + "store.enabled: false";
            throw new IllegalStateException("cannot open the store file " + file.toAbsolutePath() + ": "
                    + e.getMessage() + "; " + remedy, e);
        }
        store.setAutoCommitDelay(COMMIT_MILLIS);
        return new IntelStore(store, file, versionsKept);
    }

    /** Stores a version if it is newer than the one held; a REMOVE of the same version also counts as newer. */
    synchronized Outcome put(Indicator indicator) {
        List<String> heldKeys = indicators.documentKeys(indicator.id());
        String heldKey = heldKeys.isEmpty() ? null : heldKeys.get(heldKeys.size() - 1);
        if (heldKey != null) {
            byte[] heldDocument = documents.get(heldKey);
            Indicator held = decode(heldDocument, Indicator.class);
            int order = indicator.modified().compareTo(held.modified());
            boolean removesHeld = isRemove(indicator) && !isRemove(held);
            if (order < 0 || (order == 0 && !removesHeld)) {
                return Outcome.STALE;
            }
            unindex(held);
            documents.put(heldKey, Documents.retagged(heldDocument, SUPERSEDED));
        }
        String key = nextDocumentKey();
        documents.put(key, tagged(INDICATOR, indicator));
        indicators.add(indicator.id(), heldKeys, key, versionsKept).forEach(documents::remove);
        if (!isActive(indicator)) {
            return Outcome.RETIRED;
        }
        indicator.validUntil().ifPresent(until -> expiries.put(StoreKeys.timeKey(until, indicator.id()), ""));
        PointIoc.of(indicator.pattern()).ifPresent(ioc -> byValue.put(ioc.value() + '\0' + indicator.id(), ""));
        return Outcome.STORED;
    }

    private void unindex(Indicator indicator) {
        indicator.validUntil().ifPresent(until -> expiries.remove(StoreKeys.timeKey(until, indicator.id())));
        PointIoc.of(indicator.pattern()).ifPresent(ioc -> byValue.remove(ioc.value() + '\0' + indicator.id()));
    }

    static boolean isActive(Indicator indicator) {
        return !indicator.revoked() && !isRemove(indicator);
    }

    private static boolean isRemove(Indicator indicator) {
        return indicator.update().filter(u -> u == Operation.REMOVE).isPresent();
    }

    /** How many versions of each indicator are kept at most, the latest included. */
    int versionsKept() {
        return versionsKept;
    }

    /** How many versions of an indicator are kept. */
    int versionCount(String id) {
        return indicators.documentKeys(id).size();
    }

    Optional<Indicator> indicator(String id) {
        return indicators.latestKey(id).map(key -> decode(documents.get(key), Indicator.class));
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
        String end = StoreKeys.timeKey(now, "\uffff");
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
        String key = StoreKeys.timeKey(indicator.validUntil().orElseThrow(), indicator.id());
        if (expiries.remove(key) == null) {
            return false;
        }
        store.commit();
        return true;
    }

    /** Appends a sighting and counts it for the indicator it sighted. */
    synchronized void add(Sighting sighting) {
        String key = nextDocumentKey();
        documents.put(key, tagged(SIGHTING, sighting));
        sightings.add(sighting, key);
    }

    Optional<SightingIndex.Summary> summary(String indicatorId) {
        return sightings.summary(indicatorId);
    }

    /** Drops the sightings seen before {@code cutoff}; their counts stay in the summaries. */
    synchronized int pruneSightings(Instant cutoff) {
        List<String> keys = sightings.removeSeenBefore(cutoff);
        keys.forEach(documents::remove);
        return keys.size();
    }

    /** A key of {@link #documents} after every earlier one: now, in microseconds, or one more. */
    private String nextDocumentKey() {
        lastAddedMicros = Math.max(StoreKeys.micros(Instant.now()), lastAddedMicros + 1);
        return StoreKeys.sixteenDigits(lastAddedMicros);
    }

    /** An object with the time it was added to the store and its key in the order of adding. */
    record Added(StixObject object, Instant dateAdded, String addedKey) {
    }

    /** What a kind selects: indicators or sightings. */
    enum Kind {
        INDICATORS(Indicator.class), SIGHTINGS(Sighting.class);

        private final Class<? extends StixObject> type;

        Kind(Class<? extends StixObject> type) {
            this.type = type;
        }

        boolean holds(byte tag) {
            return this == INDICATORS ? tag == INDICATOR || tag == SUPERSEDED : tag == SIGHTING;
        }
    }

    /**
     * Objects of one kind added after the key {@code after} (null: from the start), oldest first, of the
     * versions {@code selected} selects, that {@code filter} accepts: at most {@code max}.
     */
    List<Added> added(Kind kind, Versions selected, String after, int max, Predicate<StixObject> filter) {
        List<Added> out = new ArrayList<>();
        for (Iterator<String> keys = documents.keyIterator(after); keys.hasNext() && out.size() < max;) {
            String key = keys.next();
            if (key.equals(after)) {
                continue;
            }
            byte[] document = documents.get(key);
            if (document == null || !kind.holds(document[0])) {
                continue;
            }
            boolean latest = document[0] != SUPERSEDED;
            if (!latest && selected.equals(Versions.LATEST)) {
                continue; // the common query, answered without decoding what it skips
            }
            StixObject object = decode(document, kind.type);
            boolean first = selected.first() && (kind == Kind.SIGHTINGS || indicators.isFirst(object.id(), key));
            if (selected.selects(latest, first, object.modified()) && filter.test(object)) {
                out.add(new Added(object, StoreKeys.addedTime(key), key));
            }
        }
        return out;
    }

    /** Every version kept of an object, oldest first. */
    List<Added> versions(Kind kind, String id) {
        if (kind == Kind.SIGHTINGS) {
            return added(kind, Versions.ALL, null, Integer.MAX_VALUE, object -> object.id().equals(id));
        }
        List<Added> out = new ArrayList<>();
        for (String key : indicators.documentKeys(id)) {
            byte[] document = documents.get(key);
            if (document != null) {
                out.add(new Added(decode(document, Indicator.class), StoreKeys.addedTime(key), key));
            }
        }
        return out;
    }

    /** Active indicators modified at or after {@code since} and not expired at {@code now}. */
    void activeIndicators(Instant since, Instant now, Consumer<Indicator> out) {
        for (byte[] document : documents.values()) {
            if (document[0] != INDICATOR) {
                continue;
            }
            Indicator indicator = decode(document, Indicator.class);
            if (isActive(indicator) && !indicator.modified().isBefore(since)
                    && indicator.validUntil().map(now::isBefore).orElse(true)) {
                out.accept(indicator);
            }
        }
    }

    /** Sightings seen at or after {@code since}, in time order. */
    void sightingsSince(Instant since, Consumer<Sighting> out) {
        for (Iterator<String> keys = sightings.documentKeysSince(since); keys.hasNext();) {
            byte[] document = documents.get(keys.next());
            if (document != null) {
                out.accept(decode(document, Sighting.class));
            }
        }
    }

    int indicatorCount() {
        return indicators.size();
    }

    int sightingCount() {
        return sightings.count();
    }

    int pendingExpiries() {
        return expiries.size();
    }

    Optional<Instant> oldestSighting() {
        return sightings.oldest();
    }

    Optional<Instant> newestSighting() {
        return sightings.newest();
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
}
