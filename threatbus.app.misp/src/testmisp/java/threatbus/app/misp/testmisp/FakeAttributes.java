// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.testmisp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generated MISP attributes in restSearch shape, and how MISP filters and pages them. Attribute {@code i}
 * (0-based) has id {@code i+1}, a type from {@link #TYPES} in turn, {@code to_ids} unless {@code i % 5 == 4},
 * {@code timestamp = base + 60 i}, creator org {@code "1"} (ORGNAME) for even and {@code "2"} (PARTNER) for
 * odd {@code i}, and tag {@code tlp:amber} when {@code i % 3 == 0}, else {@code tlp:green}.
 */
public final class FakeAttributes {

    public static final List<String> TYPES = List.of("ip-src", "domain", "url", "md5");
    private static final Map<String, String> ORG_NAMES = Map.of("1", "ORGNAME", "2", "PARTNER");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeAttributes() {
    }

    public static List<ObjectNode> generate(int count, long baseEpochSecond) {
        List<ObjectNode> attributes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode a = MAPPER.createObjectNode();
            String type = TYPES.get(i % TYPES.size());
            a.put("id", String.valueOf(i + 1));
            a.put("event_id", String.valueOf(i / 10 + 1));
            a.put("object_id", "0");
            a.putNull("object_relation");
            a.put("category", "Network activity");
            a.put("type", type);
            a.put("to_ids", i % 5 != 4);
            a.put("uuid", uuid(i));
            a.put("timestamp", String.valueOf(baseEpochSecond + 60L * i));
            a.put("distribution", "5");
            a.put("sharing_group_id", "0");
            a.put("comment", "");
            a.put("deleted", false);
            a.put("disable_correlation", false);
            a.putNull("first_seen");
            a.putNull("last_seen");
            a.put("value", value(type, i));
            ObjectNode event = a.putObject("Event");
            String org = i % 2 == 0 ? "1" : "2";
            event.put("org_id", org);
            event.put("id", String.valueOf(i / 10 + 1));
            event.put("info", "generated event " + (i / 10 + 1));
            event.put("orgc_id", org);
            event.put("uuid", new UUID(0x5f7b2277L, i / 10 + 1).toString());
            ObjectNode tag = a.putArray("Tag").addObject();
            tag.put("id", i % 3 == 0 ? "1" : "2");
            tag.put("name", i % 3 == 0 ? "tlp:amber" : "tlp:green");
            tag.put("colour", i % 3 == 0 ? "#ffc000" : "#33ff00");
            tag.put("exportable", true);
            attributes.add(a);
        }
        return attributes;
    }

    public static String uuid(int i) {
        return new UUID(0x5f7b2284bdd84ef4L, 0xb457000000000000L + i).toString();
    }

    private static String value(String type, int i) {
        return switch (type) {
            case "ip-src" -> "10.0." + (i / 256) + "." + (i % 256);
            case "domain" -> "evil" + i + ".example";
            case "url" -> "https://evil" + i + ".example/x";
            default -> String.format("%032x", i);
        };
    }

    /** MISP's matching for the filters this client sends; the rest of the filter keys are not modelled. */
    public static Predicate<JsonNode> matcher(JsonNode filter) {
        Predicate<JsonNode> match = a -> true;
        if (filter.path("to_ids").asBoolean(false)) {
            match = match.and(a -> a.path("to_ids").asBoolean());
        }
        if (filter.has("timestamp")) {
            long since = filter.path("timestamp").asLong();
            match = match.and(a -> a.path("timestamp").asLong() >= since);
        }
        if (filter.has("org")) {
            String org = filter.path("org").asText();
            match = match.and(a -> {
                String creator = a.path("Event").path("orgc_id").asText();
                return creator.equals(org) || org.equals(ORG_NAMES.get(creator));
            });
        }
        if (filter.has("type")) {
            String type = filter.path("type").asText();
            match = match.and(a -> a.path("type").asText().equals(type));
        }
        if (filter.has("tags")) {
            List<String> tags = StreamSupport.stream(filter.path("tags").spliterator(), false)
                    .map(JsonNode::asText).toList();
            match = match.and(a -> StreamSupport.stream(a.path("Tag").spliterator(), false)
                    .anyMatch(t -> tags.contains(t.path("name").asText())));
        }
        return match;
    }
}
