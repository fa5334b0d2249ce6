// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static threatbus.app.misp.mapping.MispMessageException.Cause.INVALID_VALUE;
import static threatbus.app.misp.mapping.MispMessageException.Cause.MISSING_FIELD;
import static threatbus.app.misp.mapping.MispMessageException.Cause.NOT_JSON;
import static threatbus.app.misp.mapping.MispMessageException.Cause.NO_ATTRIBUTE;
import static threatbus.app.misp.mapping.MispMessageException.Cause.UNKNOWN_ACTION;
import static threatbus.app.misp.mapping.MispMessageException.Cause.WRONG_TYPE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One MISP attribute notification, reduced to what filtering and mapping need.
 *
 * <p>Two sources: the attribute feed ({@link #parse}: the JSON of a ZeroMQ {@code misp_json_attribute} frame
 * after the topic, or a Kafka record value), and rows of a REST {@code /attributes/restSearch} result
 * ({@link #fromAttribute}, action {@link MispAction#ADD}). A hard delete carries only the attribute's database
 * row: no {@code value} (it is rebuilt from {@code value1} and {@code value2}), no Event and no tags.
 *
 * @param action what happened to the attribute
 * @param uuid the attribute uuid, lower case; the indicator id is {@code indicator--<uuid>}
 * @param type the MISP attribute type, e.g. {@code ip-src} or {@code filename|sha256}
 * @param value the value; {@code value1|value2} for composite types
 * @param timestamp the attribute's last modification
 * @param toIds the IDS flag; null when the message does not say
 * @param tags the attribute's tag names (event tags only when MISP inherited them into the row)
 * @param orgcId {@code Event.orgc_id}, the creator organisation; null when there is no Event
 * @param attribute the attribute JSON as received; must not be modified
 */
public record MispMessage(MispAction action, String uuid, String type, String value, Instant timestamp,
        Boolean toIds, List<String> tags, String orgcId, JsonNode attribute) {

    /** Largest feed message {@link #parse(byte[])} accepts: 1 MiB, far above any attribute without attachment. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    public MispMessage {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
        tags = List.copyOf(tags);
        Objects.requireNonNull(attribute, "attribute");
    }

    /** Parses a feed message of at most {@link #DEFAULT_MAX_BYTES}. */
    public static MispMessage parse(byte[] json) throws MispMessageException {
        return parse(json, DEFAULT_MAX_BYTES);
    }

    /** Parses a feed message of at most {@code maxBytes} bytes. */
    public static MispMessage parse(byte[] json, int maxBytes) throws MispMessageException {
        JsonNode root = MispJson.read(json, maxBytes);
        if (!root.isObject()) {
            throw new MispMessageException(NOT_JSON, "expected a JSON object, got " + MispJson.describe(root));
        }
        MispAction action = action(root);
        JsonNode attribute = root.get("Attribute");
        if (attribute == null || attribute.isNull()) {
            throw new MispMessageException(NO_ATTRIBUTE, "no \"Attribute\" in message (not an attribute notification?)");
        }
        if (!attribute.isObject()) {
            throw new MispMessageException(WRONG_TYPE, "Attribute must be an object, got " + MispJson.describe(attribute));
        }
        return of(action, attribute, orgcId(root.get("Event"), "Event"));
    }

    /**
     * Reads one attribute of a REST search result as an addition; its creator organisation comes from the
     * nested {@code Event}, if any.
     */
    public static MispMessage fromAttribute(JsonNode attribute) throws MispMessageException {
        if (attribute == null || attribute.isNull() || attribute.isMissingNode()) {
            throw new MispMessageException(NO_ATTRIBUTE, "no attribute");
        }
        if (!attribute.isObject()) {
            throw new MispMessageException(WRONG_TYPE, "attribute must be an object, got " + MispJson.describe(attribute));
        }
        return of(MispAction.ADD, attribute.deepCopy(), orgcId(attribute.get("Event"), "Attribute.Event"));
    }

    /** Whether MISP flags the attribute as soft-deleted ({@code "deleted": true}); false if it does not say. */
    public boolean deleted() {
        JsonNode flag = attribute.get("deleted");
        return flag != null && Boolean.TRUE.equals(MispJson.toBoolean(flag));
    }

    private static MispAction action(JsonNode root) throws MispMessageException {
        JsonNode node = root.get("action");
        if (node == null || node.isNull()) {
            throw new MispMessageException(MISSING_FIELD, "no \"action\" in message");
        }
        if (!node.isTextual()) {
            throw new MispMessageException(WRONG_TYPE, "action must be a string, got " + MispJson.describe(node));
        }
        return MispAction.fromWireName(node.textValue()).orElseThrow(() -> new MispMessageException(UNKNOWN_ACTION,
                "action " + MispJson.quote(node.textValue()) + " is not add, edit, soft-delete or delete"));
    }

    private static String orgcId(JsonNode event, String path) throws MispMessageException {
        if (event == null || event.isNull()) {
            return null;
        }
        if (!event.isObject()) {
            throw new MispMessageException(WRONG_TYPE, path + " must be an object, got " + MispJson.describe(event));
        }
        return MispJson.id(event, "orgc_id", path);
    }

    private static MispMessage of(MispAction action, JsonNode attribute, String orgcId) throws MispMessageException {
        String path = "Attribute";
        String uuid = MispJson.requiredText(attribute, "uuid", path);
        if (!isUuid(uuid)) {
            throw new MispMessageException(INVALID_VALUE, "Attribute.uuid is not a UUID: " + MispJson.quote(uuid));
        }
        String type = MispJson.requiredText(attribute, "type", path);
        String value = value(attribute, path);
        Instant timestamp = MispJson.epochSeconds(attribute, "timestamp", path);
        Boolean toIds = MispJson.bool(attribute, "to_ids", path);
        return new MispMessage(action, uuid.toLowerCase(Locale.ROOT), type, value, timestamp, toIds,
                tags(attribute, path), orgcId, attribute);
    }

    /** {@code value}, or for the raw row of a hard delete {@code value1}, joined with a non-empty {@code value2}. */
    private static String value(JsonNode attribute, String path) throws MispMessageException {
        String value = MispJson.text(attribute, "value", path);
        if (value == null) {
            String value1 = MispJson.text(attribute, "value1", path);
            String value2 = MispJson.text(attribute, "value2", path);
            value = value1 == null || value2 == null || value2.isEmpty() ? value1 : value1 + "|" + value2;
        }
        if (value == null || value.isEmpty()) {
            throw new MispMessageException(MISSING_FIELD, "Attribute.value (or value1) is missing or empty");
        }
        return value;
    }

    private static List<String> tags(JsonNode attribute, String path) throws MispMessageException {
        JsonNode tags = attribute.get("Tag");
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray()) {
            throw new MispMessageException(WRONG_TYPE, path + ".Tag must be an array, got " + MispJson.describe(tags));
        }
        List<String> names = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            String tagPath = path + ".Tag[" + i + "]";
            if (!tag.isObject()) {
                throw new MispMessageException(WRONG_TYPE, tagPath + " must be an object, got " + MispJson.describe(tag));
            }
            names.add(MispJson.requiredText(tag, "name", tagPath));
        }
        return names;
    }

    /** 8-4-4-4-12 hex digits; STIX's stricter version/variant rule is not enforced (MISP does not either). */
    private static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : isHex(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ASCII only: Character.digit would also accept other scripts' digits
    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
