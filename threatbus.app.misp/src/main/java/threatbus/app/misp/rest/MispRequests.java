// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON bodies sent to MISP. Types follow MISP's OpenAPI description: timestamps are strings of digits
 * ({@code Timestamp}, {@code NullableTimestamp}), {@code to_ids} is a boolean, {@code page}/{@code limit}
 * integers, {@code org}/{@code type} single strings and {@code tags} an array of strings.
 */
final class MispRequests {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** MISP's sighting type "0": a true-positive sighting ("1" false positive, "2" expiration). */
    static final String SIGHTING = "0";

    private MispRequests() {
    }

    /**
     * {@code {"uuid":"<attribute uuid>","type":"0","source":"<source>","timestamp":"<epoch s>"}}, without
     * {@code source} when there is none. The OpenAPI lists only {@code values/timestamp/filters} for this
     * operation; {@code uuid}, {@code type} and {@code source} are read by {@code SightingsController::add}
     * (which takes {@code uuid} before the older {@code id}).
     */
    static ObjectNode sighting(MispSighting sighting) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("uuid", sighting.attributeUuid());
        body.put("type", SIGHTING);
        if (sighting.source() != null) {
            body.put("source", sighting.source());
        }
        body.put("timestamp", epochSeconds(sighting.timestamp()));
        return body;
    }

    /**
     * One page of {@code /attributes/restSearch}: IDS attributes whose {@code timestamp} (last change) is at
     * least {@code since}. {@code org} and {@code type} are left out when null, {@code tags} when empty
     * (a list of tags matches any of them).
     */
    static ObjectNode search(Instant since, String org, String type, List<String> tags, int page, int limit) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("returnFormat", "json");
        body.put("to_ids", true);
        body.put("timestamp", epochSeconds(since));
        if (org != null) {
            body.put("org", org);
        }
        if (type != null) {
            body.put("type", type);
        }
        if (!tags.isEmpty()) {
            ArrayNode array = body.putArray("tags");
            tags.forEach(array::add);
        }
        body.put("page", page);
        body.put("limit", limit);
        return body;
    }

    private static String epochSeconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }
}
