// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.internal.Json;

/**
 * A STIX 2.1 Indicator. Built with {@link #builder()} or decoded with {@link MessageCodec}; both validate the
 * same way (required properties, id, timestamps, STIX pattern when {@code pattern_type} is {@code stix}).
 */
public final class Indicator extends StixObject {

    private final String pattern;
    private final String patternType;
    private final Instant validFrom;
    private final Instant validUntil;
    private final Operation update;

    Indicator(byte[] json, String id, Instant created, Instant modified, String pattern, String patternType,
            Instant validFrom, Instant validUntil, Operation update) {
        super(json, id, created, modified);
        this.pattern = pattern;
        this.patternType = patternType;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.update = update;
    }

    @Override
    public String topic() {
        return Topics.INDICATOR;
    }

    @Override
    public String typeName() {
        return "indicator";
    }

    /** The detection pattern, e.g. {@code [domain-name:value = 'evil.com']}. */
    public String pattern() {
        return pattern;
    }

    /** The pattern language: {@code stix} for STIX patterns, {@code suricata}, {@code sigma}, … */
    public String patternType() {
        return patternType;
    }

    /** From when the indicator is valid. */
    public Instant validFrom() {
        return validFrom;
    }

    /** Until when the indicator is valid, if limited. */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** The update semantics ({@code x_threatbus_update}); empty for an addition. */
    public Optional<Operation> update() {
        return Optional.ofNullable(update);
    }

    /** The indicator's name, if it has one. */
    public Optional<String> name() {
        return stringProperty("name");
    }

    /** A new indicator. Without further settings it gets a random id and the current time. */
    public static Builder builder() {
        return new Builder(Json.MAPPER.createObjectNode());
    }

    /** A builder that starts from all properties of this indicator. */
    public Builder toBuilder() {
        return new Builder(properties().deepCopy());
    }

    /** Builds indicators. Not thread-safe. */
    public static final class Builder extends StixObject.Builder<Builder, Indicator> {

        Builder(ObjectNode node) {
            super(node, "indicator");
        }

        public Builder name(String name) {
            return set("name", name);
        }

        public Builder description(String description) {
            return set("description", description);
        }

        /** The pattern; with pattern type {@code stix} (the default) it must be a valid STIX pattern. */
        public Builder pattern(String pattern) {
            return set("pattern", pattern);
        }

        public Builder patternType(String patternType) {
            return set("pattern_type", patternType);
        }

        public Builder validFrom(Instant validFrom) {
            return set("valid_from", validFrom);
        }

        public Builder validUntil(Instant validUntil) {
            return set("valid_until", validUntil);
        }

        /** Sets {@code x_threatbus_update}; null removes it (an addition). */
        public Builder update(Operation update) {
            return set(ThreatBusProperties.UPDATE, update == null ? null : update.name());
        }

        @Override
        Indicator decode(ObjectNode node) throws MessageFormatException {
            if (!node.has("pattern_type")) {
                node.put("pattern_type", "stix");
            }
            if (!node.has("valid_from") && node.has("created")) {
                node.set("valid_from", node.get("created"));
            }
            return StixDecoder.indicator(node, "");
        }

        @Override
        String newId() {
            return "indicator--" + UUID.randomUUID();
        }
    }
}
