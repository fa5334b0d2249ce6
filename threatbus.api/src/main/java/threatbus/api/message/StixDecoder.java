// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.internal.CompatJsonWriter;
import threatbus.api.stix.InvalidPatternException;
import threatbus.api.stix.StixPattern;

/**
 * Validates and normalises STIX 2.1 indicators and sightings, the way the original's {@code stix2} parser
 * did: required properties, identifiers, timestamps, STIX patterns, value ranges; defaults for omitted
 * {@code created}, {@code modified} and {@code valid_from} (now) and for {@code pattern_version}.
 */
final class StixDecoder {

    /** Property order of the Python stix2 library's Indicator, which decides the order on the wire. */
    private static final List<String> INDICATOR_ORDER = List.of("type", "spec_version", "id", "created_by_ref",
            "created", "modified", "name", "description", "indicator_types", "pattern", "pattern_type",
            "pattern_version", "valid_from", "valid_until", "kill_chain_phases", "revoked", "labels", "confidence",
            "lang", "external_references", "object_marking_refs", "granular_markings", "extensions");

    /** Property order of the Python stix2 library's Sighting. */
    private static final List<String> SIGHTING_ORDER = List.of("type", "spec_version", "id", "created_by_ref",
            "created", "modified", "description", "first_seen", "last_seen", "count", "sighting_of_ref",
            "observed_data_refs", "where_sighted_refs", "summary", "revoked", "labels", "confidence", "lang",
            "external_references", "object_marking_refs", "granular_markings", "extensions");

    private static final Set<String> INDICATOR_KNOWN = Set.copyOf(INDICATOR_ORDER);
    private static final Set<String> SIGHTING_KNOWN = Set.copyOf(SIGHTING_ORDER);
    private static final long MAX_SIGHTING_COUNT = 999_999_999L;

    private StixDecoder() {
    }

    static StixObject decode(JsonNode node, String path) throws MessageFormatException {
        ObjectNode object = Fields.object(node, path);
        String type = Fields.requiredText(object, "type", path);
        return switch (type) {
            case "indicator" -> indicator(object, path);
            case "sighting" -> sighting(object, path);
            default -> throw new MessageFormatException("expected a STIX indicator or sighting, got type "
                    + Fields.describe(object.get("type")), path + "/type");
        };
    }

    static Indicator indicator(ObjectNode in, String path) throws MessageFormatException {
        Map<String, JsonNode> normalised = new HashMap<>();
        Instant[] createdModified = new Instant[2];
        String id = common(in, "indicator", path, normalised, createdModified);
        Instant created = createdModified[0];
        Instant modified = createdModified[1];

        String pattern = Fields.requiredText(in, "pattern", path);
        String patternType = Fields.requiredText(in, "pattern_type", path);
        if ("stix".equals(patternType)) {
            try {
                StixPattern.parse(pattern);
            } catch (InvalidPatternException e) {
                throw new MessageFormatException("\"pattern\" is not a valid STIX pattern: " + e.getMessage(),
                        path + "/pattern");
            }
            if (!in.has("pattern_version")) {
                normalised.put("pattern_version", text("2.1"));
            }
        }
        Fields.optionalText(in, "pattern_version", path);
        Instant validFrom = timestamp(in, "valid_from", path, normalised, now());
        Instant validUntil = timestamp(in, "valid_until", path, normalised, null);
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new MessageFormatException("\"valid_until\" must be later than \"valid_from\"", path + "/valid_until");
        }
        Operation update = Fields.optionalEnum(in, ThreatBusProperties.UPDATE, Operation.class, path);
        return new Indicator(ordered(in, INDICATOR_ORDER, INDICATOR_KNOWN, normalised), id, created, modified, pattern, patternType,
                validFrom, validUntil, update);
    }

    static Sighting sighting(ObjectNode in, String path) throws MessageFormatException {
        Map<String, JsonNode> normalised = new HashMap<>();
        Instant[] createdModified = new Instant[2];
        String id = common(in, "sighting", path, normalised, createdModified);
        Instant created = createdModified[0];
        Instant modified = createdModified[1];

        String ref = Fields.requiredText(in, "sighting_of_ref", path);
        if (!StixIds.isValid(ref)) {
            throw new MessageFormatException("\"sighting_of_ref\" must be a STIX id such as "
                    + "indicator--<uuid>, got " + Fields.describe(in.get("sighting_of_ref")), path + "/sighting_of_ref");
        }
        Instant firstSeen = timestamp(in, "first_seen", path, normalised, null);
        Instant lastSeen = timestamp(in, "last_seen", path, normalised, null);
        if (firstSeen != null && lastSeen != null && lastSeen.isBefore(firstSeen)) {
            throw new MessageFormatException("\"last_seen\" must not be earlier than \"first_seen\"", path + "/last_seen");
        }
        Long count = Fields.optionalLong(in, "count", 0, MAX_SIGHTING_COUNT, path);
        MatchType matchType = Fields.optionalEnum(in, ThreatBusProperties.MATCH_TYPE, MatchType.class, path);
        return new Sighting(ordered(in, SIGHTING_ORDER, SIGHTING_KNOWN, normalised), id, created, modified, ref, firstSeen, lastSeen,
                count, matchType);
    }

    /**
     * Checks what every STIX object has; returns the id and puts {@code created} and {@code modified} into
     * {@code createdModified}. Puts normalised timestamps into {@code normalised}.
     */
    private static String common(ObjectNode in, String type, String path, Map<String, JsonNode> normalised,
            Instant[] createdModified) throws MessageFormatException {
        String specVersion = Fields.optionalText(in, "spec_version", path);
        if (specVersion == null) {
            throw new MessageFormatException("missing \"spec_version\": Threat Bus carries STIX 2.1 objects "
                    + "(\"spec_version\": \"2.1\")", path);
        }
        if (!"2.1".equals(specVersion)) {
            throw new MessageFormatException("unsupported \"spec_version\" " + Fields.describe(in.get("spec_version"))
                    + ": Threat Bus carries STIX 2.1 objects", path + "/spec_version");
        }
        String id = Fields.requiredText(in, "id", path);
        if (!StixIds.isValid(id) || !id.startsWith(type + "--")) {
            throw new MessageFormatException("\"id\" must be " + type + "--<uuid>, got " + Fields.describe(in.get("id")),
                    path + "/id");
        }
        Instant now = now();
        Instant created = timestamp(in, "created", path, normalised, now);
        Instant modified = timestamp(in, "modified", path, normalised, in.has("created") ? created : now);
        if (modified.isBefore(created)) {
            throw new MessageFormatException("\"modified\" must not be earlier than \"created\"", path + "/modified");
        }
        createdModified[0] = created;
        createdModified[1] = modified;
        JsonNode revoked = in.get("revoked");
        if (revoked != null && !revoked.isBoolean()) {
            throw new MessageFormatException("\"revoked\" must be true or false, got " + Fields.describe(revoked),
                    path + "/revoked");
        }
        return id;
    }

    /**
     * Reads an optional timestamp (or applies {@code fallback} when it is absent) and records its normalised
     * text. Returns null when absent without fallback.
     */
    private static Instant timestamp(ObjectNode in, String name, String path, Map<String, JsonNode> normalised,
            Instant fallback) throws MessageFormatException {
        JsonNode value = in.get(name);
        Instant instant;
        if (value == null || value.isNull()) {
            if (fallback == null) {
                return null;
            }
            instant = fallback;
        } else {
            instant = value.isTextual() ? StixTimestamps.parse(value.textValue()).orElse(null) : null;
            if (instant == null) {
                throw new MessageFormatException("\"" + name + "\" must be a STIX timestamp such as "
                        + "2021-03-04T10:00:00.000Z, got " + Fields.describe(value), path + "/" + name);
            }
        }
        if (value == null || value.isNull() || !StixTimestamps.isNormal(value.textValue())) {
            normalised.put(name, text(StixTimestamps.format(instant)));
        }
        return instant;
    }

    /** The JSON of the object: known properties in STIX order, then the others as received. */
    private static byte[] ordered(ObjectNode in, List<String> order, Set<String> ordered,
            Map<String, JsonNode> normalised) {
        return CompatJsonWriter.writeOrdered(in, order, ordered, normalised);
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    /** Now at microsecond precision, as the Python library stamps objects. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
