// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.internal.Json;

/**
 * A STIX 2.1 object on the bus: an {@link Indicator} or a {@link Sighting}.
 *
 * <p>Every property is kept: the well-known ones are validated and offered typed; every other property,
 * {@code x_threatbus_*}, any other {@code x_…} and unknown ones, is kept verbatim and written back unchanged.
 * Top-level STIX timestamps are normalised to at least millisecond precision; properties are written in
 * the order of the STIX specification (as the Python {@code stix2} library does), custom ones after them in
 * the order received.
 *
 * <p>An object keeps its encoded JSON and the typed values, not the JSON tree: that is what the bus moves
 * and what most consumers need, and it keeps messages small. The generic property accessors parse the
 * JSON again on first use.
 */
public abstract sealed class StixObject extends Message permits Indicator, Sighting {

    private final JsonBytes json;
    private final String id;
    private final Instant created;
    private final Instant modified;
    /** The JSON tree, parsed again from {@link #json} when first asked for. */
    private volatile ObjectNode tree;

    StixObject(byte[] json, String id, Instant created, Instant modified) {
        this.json = new JsonBytes(json);
        this.id = id;
        this.created = created;
        this.modified = modified;
    }

    @Override
    public final JsonBytes json() {
        return json;
    }

    @Override
    final byte[] encode() {
        return json.bytes();
    }

    /** The properties as a JSON tree; must not be modified. */
    final ObjectNode properties() {
        ObjectNode node = tree;
        if (node == null) {
            try {
                node = (ObjectNode) Json.MAPPER.readTree(json.bytes());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read back our own JSON", e);
            }
            tree = node;
        }
        return node;
    }

    /** The STIX id, {@code <type>--<uuid>}. */
    public final String id() {
        return id;
    }

    /** When the object was created. */
    public final Instant created() {
        return created;
    }

    /** When this version of the object was made; later versions replace earlier ones. */
    public final Instant modified() {
        return modified;
    }

    /** Whether the object is revoked ({@code "revoked": true}). */
    public final boolean revoked() {
        JsonNode revoked = properties().get("revoked");
        return revoked != null && revoked.asBoolean(false);
    }

    /** The names of all properties, in JSON order. */
    public final Set<String> propertyNames() {
        Set<String> names = new LinkedHashSet<>();
        properties().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A copy of a property's JSON value, if present. */
    public final Optional<JsonNode> property(String name) {
        JsonNode value = properties().get(name);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /** A string property, if present and a string. */
    public final Optional<String> stringProperty(String name) {
        JsonNode value = properties().get(name);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /**
     * A property converted to a Java type with Jackson, e.g. {@code property("x_threatbus_sighting_context",
     * Map.class)}; empty if absent.
     *
     * @throws IllegalArgumentException if the value does not convert to {@code type}
     */
    public final <T> Optional<T> property(String name, Class<T> type) {
        JsonNode value = properties().get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.MAPPER.treeToValue(value, type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("property '" + name + "' is not a " + type.getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }


    /**
     * Common part of the indicator and sighting builders. Properties keep the order they are set in;
     * {@link #build()} validates exactly as decoding does. Not thread-safe.
     *
     * @param <B> the concrete builder
     * @param <T> what it builds
     */
    public abstract static class Builder<B extends Builder<B, T>, T extends StixObject> {

        private final ObjectNode node;

        Builder(ObjectNode node, String type) {
            this.node = node;
            node.put("type", type);
            if (!node.has("spec_version")) {
                node.put("spec_version", "2.1");
            }
        }

        /** The STIX id; a random one is generated if none is set. */
        public final B id(String id) {
            return set("id", id);
        }

        /** Creation time; defaults to now. */
        public final B created(Instant created) {
            return set("created", created);
        }

        /** Modification time; defaults to {@code created}. */
        public final B modified(Instant modified) {
            return set("modified", modified);
        }

        public final B revoked(boolean revoked) {
            node.put("revoked", revoked);
            return self();
        }

        /**
         * Sets any property to a JSON-convertible Java value (string, number, boolean, list, map, a Jackson
         * node, …); null removes the property.
         *
         * @throws IllegalArgumentException if the value cannot be converted to JSON
         */
        public final B property(String name, Object value) {
            if (value == null) {
                node.remove(name);
            } else if (value instanceof Instant instant) {
                node.put(name, StixTimestamps.format(instant));
            } else if (value instanceof StixObject stix) {
                node.set(name, stix.properties().deepCopy());
            } else {
                node.set(name, Json.MAPPER.valueToTree(value));
            }
            return self();
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException with a message naming the offending property if the object is not
         *         valid STIX 2.1
         */
        public final T build() {
            ObjectNode copy = node.deepCopy();
            if (!copy.has("id")) {
                copy.put("id", newId());
            }
            try {
                return decode(copy);
            } catch (MessageFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        final B set(String name, Object value) {
            return property(name, value);
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        abstract T decode(ObjectNode node) throws MessageFormatException;

        abstract String newId();
    }
}
