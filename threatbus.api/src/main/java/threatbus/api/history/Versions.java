// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.history;

import java.time.Instant;
import java.util.Set;

/**
 * Which versions of each object a query of the {@link IntelHistory} selects, as TAXII's {@code match[version]}
 * does: a version is selected if it is any of what is asked for.
 *
 * @param all      every version kept
 * @param latest   the latest version
 * @param first    the oldest version kept
 * @param modified the versions with one of these {@code modified} times
 */
public record Versions(boolean all, boolean latest, boolean first, Set<Instant> modified) {

    /** The latest version of each object: what a query selects unless it asks for more. */
    public static final Versions LATEST = new Versions(false, true, false, Set.of());

    /** Every version kept. */
    public static final Versions ALL = new Versions(true, false, false, Set.of());

    public Versions {
        modified = Set.copyOf(modified);
    }

    /** Whether a version is selected, given whether it is the latest and the oldest kept of its object. */
    public boolean selects(boolean isLatest, boolean isFirst, Instant versionModified) {
        return all || (latest && isLatest) || (first && isFirst) || modified.contains(versionModified);
    }
}
