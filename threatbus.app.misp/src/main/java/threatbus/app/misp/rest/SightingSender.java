// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

/** Delivers one sighting to MISP; {@code MispRestClient::addSighting} in production. */
@FunctionalInterface
public interface SightingSender {

    SightingResult send(MispSighting sighting) throws MispApiException;
}
