// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import threatbus.api.message.Sighting;

/**
 * A sighting of one MISP attribute, as {@code /sightings/add} takes it.
 *
 * @param attributeUuid the MISP attribute's UUID
 * @param source who saw it, or {@code null}
 * @param timestamp when it was seen; sent as epoch seconds
 */
public record MispSighting(String attributeUuid, String source, Instant timestamp) {

    private static final String INDICATOR_PREFIX = "indicator--";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public MispSighting {
        Objects.requireNonNull(attributeUuid, "attributeUuid");
        Objects.requireNonNull(timestamp, "timestamp");
        // MISP treats a 36-character id as a UUID and anything else as a database id
        if (!UUID.matcher(attributeUuid).matches()) {
            throw new IllegalArgumentException("not a UUID: " + attributeUuid);
        }
        if (timestamp.getEpochSecond() < 0) {
            throw new IllegalArgumentException("timestamp before 1970: " + timestamp);
        }
    }

    /**
     * The MISP sighting for a bus sighting: the attribute is the UUID in {@code sighting_of_ref}
     * (MISP indicators are {@code indicator--<attribute uuid>}), the source {@code x_threatbus_source},
     * the time {@code last_seen}, else {@code created}.
     *
     * @return empty if the sighting is not of an {@code indicator--<uuid>}
     */
    public static Optional<MispSighting> of(Sighting sighting) {
        String ref = sighting.sightingOfRef();
        if (ref == null || !ref.startsWith(INDICATOR_PREFIX)) {
            return Optional.empty();
        }
        String uuid = ref.substring(INDICATOR_PREFIX.length());
        if (!UUID.matcher(uuid).matches()) {
            return Optional.empty();
        }
        String source = sighting.source().filter(s -> !s.isBlank()).orElse(null);
        Instant seen = sighting.lastSeen().orElse(sighting.created());
        if (seen.getEpochSecond() < 0) {
            return Optional.empty();
        }
        return Optional.of(new MispSighting(uuid, source, seen));
    }
}
