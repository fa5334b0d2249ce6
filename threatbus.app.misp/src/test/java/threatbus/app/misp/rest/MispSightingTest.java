// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import threatbus.api.message.Sighting;

/** Bus sighting → MISP sighting: attribute UUID from sighting_of_ref, source, last_seen else created. */
class MispSightingTest {

    private static final String UUID = "5f7b2284-bdd8-4ef4-b457-032ac0a82f02";
    private static final Instant CREATED = Instant.parse("2021-03-01T11:53:55.123Z");

    @Test
    void takesUuidSourceAndLastSeen() {
        Sighting sighting = Sighting.builder().sightingOfRef("indicator--" + UUID).created(CREATED)
                .lastSeen(Instant.parse("2021-03-02T00:00:01Z")).source("zeek@sensor-1").build();

        assertThat(MispSighting.of(sighting))
                .contains(new MispSighting(UUID, "zeek@sensor-1", Instant.parse("2021-03-02T00:00:01Z")));
    }

    @Test
    void fallsBackToCreatedAndNoSource() {
        Sighting sighting = Sighting.builder().sightingOfRef("indicator--" + UUID).created(CREATED).build();

        assertThat(MispSighting.of(sighting)).contains(new MispSighting(UUID, null, CREATED));
    }

    @Test
    void blankSourceCountsAsNone() {
        Sighting sighting = Sighting.builder().sightingOfRef("indicator--" + UUID).created(CREATED).source(" ").build();

        assertThat(MispSighting.of(sighting).orElseThrow().source()).isNull();
    }

    @Test
    void onlyIndicatorsAreMispAttributes() {
        Sighting ofMalware = Sighting.builder().sightingOfRef("malware--" + UUID).build();

        assertThat(MispSighting.of(ofMalware)).isEmpty();
    }

    @Test
    void rejectsWhatMispWouldTakeForADatabaseId() {
        assertThatThrownBy(() -> new MispSighting("1234", null, CREATED)).isInstanceOf(IllegalArgumentException.class);
    }
}
