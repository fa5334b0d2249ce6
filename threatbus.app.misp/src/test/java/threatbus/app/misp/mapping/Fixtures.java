// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test fixtures: the resource files next to the tests, and MISP feed messages built to order. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UUID = "5f7b2284-bdd8-4ef4-b457-032ac0a82f02";
    /** 2020-10-05T13:58:55Z. */
    static final long TIMESTAMP = 1601906335L;

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MispMessage message(String resource) {
        try {
            return MispMessage.parse(resource(resource));
        } catch (MispMessageException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode tree(String resource) {
        try {
            return JSON.readTree(resource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A feed message as MISP sends it: Attribute with tag "tlp:amber", Event of creator org 1. */
    static ObjectNode feed(String action, String type, String value, Boolean toIds) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode attribute = root.putObject("Attribute");
        attribute.put("id", "1").put("event_id", "1").put("category", "Network activity").put("type", type)
                .put("value", value).put("uuid", UUID).put("timestamp", Long.toString(TIMESTAMP))
                .put("deleted", false);
        if (toIds != null) {
            attribute.put("to_ids", toIds);
        }
        attribute.putArray("Tag").addObject().put("id", "1").put("name", "tlp:amber");
        root.putObject("Event").put("id", "1").put("orgc_id", "1").put("org_id", "1");
        root.put("action", action);
        return root;
    }

    /** A hard delete as MISP sends it: the attribute's row only, no value, no Event, no tags. */
    static ObjectNode hardDelete(String type, String value1, String value2, boolean toIds) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("Attribute").put("id", "1").put("event_id", "1").put("type", type).put("value1", value1)
                .put("value2", value2).put("to_ids", toIds).put("uuid", UUID)
                .put("timestamp", Long.toString(TIMESTAMP)).put("deleted", false);
        root.put("action", "delete");
        return root;
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static MispMessage parse(JsonNode node) {
        try {
            return MispMessage.parse(bytes(node));
        } catch (MispMessageException e) {
            throw new AssertionError(e);
        }
    }
}
