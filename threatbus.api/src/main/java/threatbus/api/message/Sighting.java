// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.internal.Json;

/**
 * A STIX 2.1 Sighting: someone saw what an indicator describes. Built with {@link #builder()} or decoded
 * with {@link MessageCodec}.
 */
public final class Sighting extends StixObject {

    private final String sightingOfRef;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final Long count;
    private final MatchType matchType;

    Sighting(byte[] json, String id, Instant created, Instant modified, String sightingOfRef,
            Instant firstSeen, Instant lastSeen, Long count, MatchType matchType) {
        super(json, id, created, modified);
        this.sightingOfRef = sightingOfRef;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.count = count;
        this.matchType = matchType;
    }

    @Override
    public String topic() {
        return Topics.SIGHTING;
    }

    @Override
    public String typeName() {
        return "sighting";
    }

    /** The id of what was sighted, usually an indicator. */
    public String sightingOfRef() {
        return sightingOfRef;
    }

    public Optional<Instant> firstSeen() {
        return Optional.ofNullable(firstSeen);
    }

    public Optional<Instant> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    /** How often it was seen, if stated. */
    public OptionalLong count() {
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /** {@code x_threatbus_match_type}, if present. */
    public Optional<MatchType> matchType() {
        return Optional.ofNullable(matchType);
    }

    /** {@code x_threatbus_source}, if present. */
    public Optional<String> source() {
        return stringProperty(ThreatBusProperties.SOURCE);
    }

    /** A copy of {@code x_threatbus_sighting_context}, if present. */
    public Optional<JsonNode> context() {
        return property(ThreatBusProperties.SIGHTING_CONTEXT);
    }

    /** A new sighting. Without further settings it gets a random id and the current time. */
    public static Builder builder() {
        return new Builder(Json.MAPPER.createObjectNode());
    }

    /** A builder that starts from all properties of this sighting. */
    public Builder toBuilder() {
        return new Builder(properties().deepCopy());
    }

    /** Builds sightings. Not thread-safe. */
    public static final class Builder extends StixObject.Builder<Builder, Sighting> {

        Builder(ObjectNode node) {
            super(node, "sighting");
        }

        /** Required: the id of what was sighted. */
        public Builder sightingOfRef(String ref) {
            return set("sighting_of_ref", ref);
        }

        public Builder firstSeen(Instant firstSeen) {
            return set("first_seen", firstSeen);
        }

        public Builder lastSeen(Instant lastSeen) {
            return set("last_seen", lastSeen);
        }

        public Builder count(long count) {
            return set("count", count);
        }

        /** Sets {@code x_threatbus_sighting_context} to any JSON-convertible value (usually a map). */
        public Builder context(Object context) {
            return set(ThreatBusProperties.SIGHTING_CONTEXT, context);
        }

        /** Sets {@code x_threatbus_source}. */
        public Builder source(String source) {
            return set(ThreatBusProperties.SOURCE, source);
        }

        /** Sets {@code x_threatbus_match_type}. */
        public Builder matchType(MatchType matchType) {
            return set(ThreatBusProperties.MATCH_TYPE, matchType == null ? null : matchType.name());
        }

        /** Sets {@code x_threatbus_indicator} to the full matched indicator. */
        public Builder indicator(Indicator indicator) {
            return set(ThreatBusProperties.INDICATOR, indicator);
        }

        /** Sets {@code x_threatbus_indicator_value}, the matched IoC value. */
        public Builder indicatorValue(String value) {
            return set(ThreatBusProperties.INDICATOR_VALUE, value);
        }

        @Override
        Sighting decode(ObjectNode node) throws MessageFormatException {
            return StixDecoder.sighting(node, "");
        }

        @Override
        String newId() {
            return "sighting--" + UUID.randomUUID();
        }
    }
}
