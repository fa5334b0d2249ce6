// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.util.Optional;

import threatbus.api.history.IntelHistory;
import threatbus.api.message.Indicator;
import threatbus.api.message.Sighting;
import threatbus.api.message.StixObject;

/** The two collections: fixed ids (TAXII wants UUIDs), and the aliases clients may use instead. */
enum TaxiiCollection {
    INDICATORS("9e3f29a6-6f1c-4f3c-9e39-5c1d8c2b7a01", "indicators", "Indicators",
            "Every indicator the bus carried, with its recent versions", IntelHistory.Collection.INDICATORS,
            Indicator.class),
    SIGHTINGS("5b7d2c90-3e4a-4f8b-8a61-0d9e6c4f2b02", "sightings", "Sightings",
            "The sightings of the store's retention period", IntelHistory.Collection.SIGHTINGS, Sighting.class);

    final String id;
    final String alias;
    final String title;
    final String description;
    final IntelHistory.Collection history;
    final Class<? extends StixObject> type;

    TaxiiCollection(String id, String alias, String title, String description, IntelHistory.Collection history,
            Class<? extends StixObject> type) {
        this.id = id;
        this.alias = alias;
        this.title = title;
        this.description = description;
        this.history = history;
        this.type = type;
    }

    static Optional<TaxiiCollection> byIdOrAlias(String name) {
        for (TaxiiCollection collection : values()) {
            if (collection.id.equals(name) || collection.alias.equals(name)) {
                return Optional.of(collection);
            }
        }
        return Optional.empty();
    }
}
