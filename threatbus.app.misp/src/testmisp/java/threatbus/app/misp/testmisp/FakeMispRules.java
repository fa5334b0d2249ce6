// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.testmisp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the fake MISP accepts, field by field, from MISP's OpenAPI description (with the fields that
 * {@code SightingsController::add} reads but the OpenAPI leaves out). Each method lists the violations.
 */
public final class FakeMispRules {

    /** OpenAPI {@code AddSightingsRequest} (values, timestamp, filters) plus what the controller reads. */
    public static final Set<String> SIGHTING_FIELDS = Set.of("values", "timestamp", "filters",
            "id", "uuid", "value", "type", "source", "date", "time");

    /** OpenAPI {@code AttributeRestSearchFilter}. */
    public static final Set<String> SEARCH_FIELDS = Set.of("page", "limit", "value", "value1", "value2", "type",
            "category", "org", "tags", "from", "to", "last", "eventid", "withAttachments", "uuid",
            "publish_timestamp", "published", "timestamp", "attribute_timestamp", "enforceWarninglist", "to_ids",
            "deleted", "event_timestamp", "threat_level_id", "eventinfo", "sharinggroup", "decayingModel", "score",
            "first_seen", "last_seen", "includeEventUuid", "includeEventTags", "includeProposals",
            "requested_attributes", "includeContext", "headerless", "includeWarninglistHits", "attackGalaxy",
            "object_relation", "includeSightings", "includeCorrelations", "modelOverrides", "includeDecayScore",
            "includeFullModel", "excludeDecayed", "returnFormat");

    private static final Set<String> RETURN_FORMATS = Set.of("json", "xml", "csv", "text", "stix", "stix2",
            "stix-json", "hashes", "cache", "count", "netfilter", "opendata", "openioc", "rpz", "snort", "suricata",
            "yara", "yara-json");
    /** OpenAPI {@code Timestamp}: a string of digits. */
    private static final Pattern TIMESTAMP = Pattern.compile("\\d+");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private FakeMispRules() {
    }

    public static List<String> sighting(JsonNode body) {
        List<String> violations = unknownFields(body, SIGHTING_FIELDS);
        // this client's contract: a target attribute and an explicit time (MISP would default to "now")
        require(body, "uuid", violations);
        require(body, "timestamp", violations);
        if (body.has("uuid") && !(body.get("uuid").isTextual() && UUID.matcher(body.get("uuid").asText()).matches())) {
            violations.add("uuid is not a UUID string: " + body.get("uuid"));
        }
        if (body.has("type") && !body.get("type").isTextual()) {
            violations.add("type is not a string: " + body.get("type"));
        }
        if (body.has("source") && !body.get("source").isTextual()) {
            violations.add("source is not a string: " + body.get("source"));
        }
        timestamp(body, "timestamp", violations);
        return violations;
    }

    public static List<String> search(JsonNode body) {
        List<String> violations = unknownFields(body, SEARCH_FIELDS);
        // without paging MISP returns everything at once: exactly what the client must avoid
        require(body, "page", violations);
        require(body, "limit", violations);
        if (body.has("page") && !(body.get("page").isInt() && body.get("page").intValue() >= 1)) {
            violations.add("page is not an integer >= 1: " + body.get("page"));
        }
        if (body.has("limit") && !(body.get("limit").isInt() && body.get("limit").intValue() >= 0)) {
            violations.add("limit is not an integer >= 0: " + body.get("limit"));
        }
        if (body.has("returnFormat") && !RETURN_FORMATS.contains(body.get("returnFormat").asText(""))) {
            violations.add("unknown returnFormat: " + body.get("returnFormat"));
        }
        if (body.has("to_ids") && !body.get("to_ids").isBoolean()) {
            violations.add("to_ids is not a boolean: " + body.get("to_ids"));
        }
        timestamp(body, "timestamp", violations);
        for (String single : List.of("org", "type")) {
            if (body.has(single) && !body.get(single).isTextual()) {
                violations.add(single + " is not a single string: " + body.get(single));
            }
        }
        if (body.has("tags")) {
            JsonNode tags = body.get("tags");
            boolean strings = tags.isArray();
            for (JsonNode tag : tags) {
                strings &= tag.isTextual();
            }
            if (!strings) {
                violations.add("tags is not an array of strings: " + tags);
            }
        }
        return violations;
    }

    private static List<String> unknownFields(JsonNode body, Set<String> known) {
        List<String> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                violations.add("unknown field " + name);
            }
        }
        return violations;
    }

    private static void require(JsonNode body, String field, List<String> violations) {
        if (!body.has(field)) {
            violations.add("missing field " + field);
        }
    }

    private static void timestamp(JsonNode body, String field, List<String> violations) {
        if (body.has(field) && !(body.get(field).isTextual() && TIMESTAMP.matcher(body.get(field).asText()).matches())) {
            violations.add(field + " is not a string of digits: " + body.get(field));
        }
    }
}
