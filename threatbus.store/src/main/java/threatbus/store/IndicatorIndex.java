// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.h2.mvstore.MVMap;

/**
 * Per indicator id, the keys of the versions kept in the documents of {@link IntelStore}, oldest first and
 * separated by spaces; the last is the latest version. An indicator with one version, the common case, costs
 * one short entry, as before versions were kept (so a store written then reads as is).
 */
final class IndicatorIndex {

    private final MVMap<String, String> keys;

    IndicatorIndex(MVMap<String, String> keys) {
        this.keys = keys;
    }

    Optional<String> latestKey(String id) {
        String value = keys.get(id);
        return value == null ? Optional.empty() : Optional.of(value.substring(value.lastIndexOf(' ') + 1));
    }

    /** The keys of an indicator's versions, oldest first; empty if there is no such indicator. */
    List<String> documentKeys(String id) {
        String value = keys.get(id);
        return value == null ? List.of() : Arrays.asList(value.split(" "));
    }

    /**
     * Adds a version as the latest to those {@code held} (as {@link #documentKeys} gave them) and keeps at most
     * {@code kept} versions of the indicator; the keys of those it no longer keeps.
     */
    List<String> add(String id, List<String> held, String documentKey, int kept) {
        List<String> all = new ArrayList<>(held);
        all.add(documentKey);
        List<String> dropped = List.copyOf(all.subList(0, Math.max(0, all.size() - kept)));
        keys.put(id, String.join(" ", all.subList(dropped.size(), all.size())));
        return dropped;
    }

    /** Whether a document is the oldest version kept of its indicator. */
    boolean isFirst(String id, String documentKey) {
        String value = keys.get(id);
        return value != null && value.startsWith(documentKey);
    }

    /** How many indicators there are. */
    int size() {
        return keys.size();
    }
}
