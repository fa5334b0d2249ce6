// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;

import threatbus.api.message.StixObject;

/**
 * The intel the bus carried, as the store keeps it: the current version of every indicator and the sightings
 * of the retention period, each with the time it was added. Read by apps that serve history, such as TAXII.
 */
@ProviderType
public interface IntelHistory {

    /** The two collections the store keeps. */
    enum Collection {
        /** The current version of every indicator, retired ones included. */
        INDICATORS,
        /** The sightings of the retention period. */
        SIGHTINGS
    }

    /**
     * One object and when the store added it (a new version of an indicator is added anew).
     *
     * @param object    the STIX object
     * @param dateAdded when it was added, unique within a collection, microsecond precision
     */
    record Entry(StixObject object, Instant dateAdded) {
    }

    /**
     * Entries of a collection added after {@code addedAfter} (all if empty), oldest first, that {@code filter}
     * accepts, at most {@code limit}.
     */
    List<Entry> added(Collection collection, Optional<Instant> addedAfter, int limit, Predicate<StixObject> filter);
}
