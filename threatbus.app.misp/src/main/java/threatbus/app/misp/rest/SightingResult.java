// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.util.Optional;

/**
 * MISP accepted a sighting.
 *
 * @param sightingId the id of the new sighting, where MISP returns the row (current versions), else {@code null}
 * @param message MISP's confirmation where it returns only a message (older versions), else {@code null}
 */
public record SightingResult(String sightingId, String message) {

    public Optional<String> id() {
        return Optional.ofNullable(sightingId);
    }
}
