// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;

import threatbus.api.message.StixObject;

/**
 * The intel the bus carried, as the store keeps it: the recent versions of every indicator (a configured number
 * of them, the latest included) and the sightings of the retention period, each with the time it was added.
 * Read by apps that serve history, such as TAXII.
 */
@ProviderType
public interface IntelHistory {

    /** The two collections the store keeps. */
    enum Collection {
        /** The versions kept of every indicator, retired ones included. */
        INDICATORS,
        /** The sightings of the retention period; each has one version. */
        SIGHTINGS
    }

    /**
     * One version of an object and when the store added it (each version is added anew).
     *
     * @param object    the STIX object
     * @param dateAdded when it was added, unique within a collection, microsecond precision
     */
    record Entry(StixObject object, Instant dateAdded) {
    }

    /**
     * Entries of a collection added after {@code addedAfter} (all if empty), oldest first, of the versions
     * {@code versions} selects, that {@code filter} accepts: at most {@code limit}.
     */
    List<Entry> added(Collection collection, Versions versions, Optional<Instant> addedAfter, int limit,
            Predicate<StixObject> filter);

    /** As {@link #added(Collection, Versions, Optional, int, Predicate)}, of the latest version of each object. */
    default List<Entry> added(Collection collection, Optional<Instant> addedAfter, int limit,
            Predicate<StixObject> filter) {
        return added(collection, Versions.LATEST, addedAfter, limit, filter);
    }

    /** Every version kept of one object, oldest first; empty if the collection holds no object of that id. */
    List<Entry> versions(Collection collection, String id);
}
