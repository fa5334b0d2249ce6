// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import threatbus.api.history.IntelHistory;
import threatbus.api.history.Versions;
import threatbus.api.message.StixObject;

/**
 * The paging and filters of a request for objects or a manifest (TAXII 2.1, 3.4 and 3.5): {@code added_after}
 * or {@code next} (this server's token: the {@code date_added} of the last object of the page before),
 * {@code limit}, and {@code match[id]}, {@code match[type]}, {@code match[version]} and
 * {@code match[spec_version]}, each a comma-separated list.
 *
 * @param after    objects added after this time only
 * @param limit    the page size asked for, at most the server's
 * @param versions the versions {@code match[version]} selects: the latest unless it says otherwise
 * @param filter   what the other {@code match[...]} parameters select
 */
record ObjectQuery(Optional<Instant> after, int limit, Versions versions, Predicate<StixObject> filter) {

    private static final Set<String> VERSION_WORDS = Set.of("all", "last", "first");

    /** Reads the query; {@code objectId}, from the path, selects one object whatever {@code match[id]} says. */
    static ObjectQuery of(Map<String, String> query, Optional<String> objectId, int pageSize) {
        Optional<Instant> after = Optional.ofNullable(query.get("next"))
                .or(() -> Optional.ofNullable(query.get("added_after"))).map(TaxiiTime::parse);
        return new ObjectQuery(after, limit(query.get("limit"), pageSize), versions(query.get("match[version]")),
                filter(query, objectId));
    }

    /** One page, and whether there is more: fetches one entry more than it returns. */
    ObjectPage fetch(IntelHistory history, IntelHistory.Collection collection) {
        return ObjectPage.of(history.added(collection, versions, after, limit + 1, filter), limit);
    }

    /**
     * One page of the versions of an object (TAXII 2.1, 5.8: {@code added_after}, {@code limit}, {@code next}
     * and {@code match[spec_version]} apply; {@code match[version]} does not).
     */
    ObjectPage page(List<IntelHistory.Entry> versionsOfOne) {
        return ObjectPage.of(versionsOfOne.stream().filter(e -> after.map(e.dateAdded()::isAfter).orElse(true))
                .filter(e -> filter.test(e.object())).toList(), limit);
    }

    private static int limit(String value, int pageSize) {
        if (value == null) {
            return pageSize;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("limit must be a positive integer, got " + value);
        }
        if (limit < 1) {
            throw new BadRequest("limit must be a positive integer, got " + limit);
        }
        return Math.min(limit, pageSize);
    }

    private static Predicate<StixObject> filter(Map<String, String> query, Optional<String> objectId) {
        Predicate<StixObject> filter = object -> true;
        Set<String> ids = objectId.map(Set::of).orElseGet(() -> list(query.get("match[id]")));
        if (!ids.isEmpty()) {
            filter = filter.and(object -> ids.contains(object.id()));
        }
        Set<String> types = list(query.get("match[type]"));
        if (!types.isEmpty()) {
            filter = filter.and(object -> types.contains(object.typeName()));
        }
        // every object the bus carries is STIX 2.1
        Set<String> specVersions = list(query.get("match[spec_version]"));
        if (!specVersions.isEmpty() && !specVersions.contains("2.1")) {
            filter = object -> false;
        }
        return filter;
    }

    /** {@code last}, {@code first}, {@code all} and {@code modified} timestamps, any of them. */
    private static Versions versions(String value) {
        Set<String> values = list(value);
        if (values.isEmpty()) {
            return Versions.LATEST;
        }
        Set<Instant> modified = values.stream().filter(v -> !VERSION_WORDS.contains(v)).map(TaxiiTime::parse)
                .collect(Collectors.toSet());
        return new Versions(values.contains("all"), values.contains("last"), values.contains("first"), modified);
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
