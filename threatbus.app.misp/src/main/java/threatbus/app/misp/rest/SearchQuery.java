// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attribute search: IDS attributes changed since a point in time, narrowed by one configured filter.
 * Within a list entries are alternatives (OR); the lists combine with AND; an empty list means "any".
 *
 * @param since lower bound of the attribute {@code timestamp} (last change)
 * @param orgs creator organisations, by id or name
 * @param types attribute types
 * @param tags tag names
 */
public record SearchQuery(Instant since, List<String> orgs, List<String> types, List<String> tags) {

    public SearchQuery {
        Objects.requireNonNull(since, "since");
        orgs = orgs == null ? List.of() : List.copyOf(orgs);
        types = types == null ? List.of() : List.copyOf(types);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (since.getEpochSecond() < 0) {
            throw new IllegalArgumentException("since before 1970: " + since);
        }
    }

    /** All IDS attributes changed since {@code since}. */
    public static SearchQuery unfiltered(Instant since) {
        return new SearchQuery(since, List.of(), List.of(), List.of());
    }
}
