// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.history.IntelHistory;

/**
 * One page of a collection, oldest first.
 *
 * @param entries the objects of the page with their {@code date_added}
 * @param more    whether objects follow this page
 */
record ObjectPage(List<IntelHistory.Entry> entries, boolean more) {

    /** The first {@code limit} of {@code entries}; more if there are more. */
    static ObjectPage of(List<IntelHistory.Entry> entries, int limit) {
        boolean more = entries.size() > limit;
        return new ObjectPage(more ? entries.subList(0, limit) : entries, more);
    }

    /** The envelope or manifest's {@code more}, and {@code next} where more follow. */
    void writePaging(ObjectNode out) {
        out.put("more", more);
        if (more) {
            out.put("next", TaxiiTime.format(entries.get(entries.size() - 1).dateAdded()));
        }
    }

    /** {@code X-TAXII-Date-Added-First} and {@code -Last}, for a page that is not empty. */
    Map<String, String> headers() {
        if (entries.isEmpty()) {
            return Map.of();
        }
        return Map.of("X-TAXII-Date-Added-First", TaxiiTime.format(entries.get(0).dateAdded()),
                "X-TAXII-Date-Added-Last", TaxiiTime.format(entries.get(entries.size() - 1).dateAdded()));
    }
}
