// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import org.osgi.annotation.versioning.ProviderType;

import threatbus.api.message.StixObject;

/** Where an application puts the historic items that answer one snapshot request. Thread-safe. */
@ProviderType
public interface SnapshotSink {

    /**
     * Publishes one historic item, wrapped in a snapshot envelope for the request.
     *
     * @throws BusOverloadedException if the bus did not accept it
     * @throws IllegalArgumentException if the item's type is not the requested one
     */
    void add(StixObject item) throws BusOverloadedException;
}
