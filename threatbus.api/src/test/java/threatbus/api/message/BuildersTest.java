// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Plugins build messages with builders that validate exactly as decoding does. */
class BuildersTest {

    private static final Instant T = Instant.parse("2022-06-01T08:30:00Z");

    @Test
    void buildsAnIndicatorWithDefaults() {
        Indicator indicator = Indicator.builder().pattern("[domain-name:value = 'evil.com']").created(T).build();

        assertThat(indicator.id()).startsWith("indicator--").hasSize("indicator--".length() + 36);
        assertThat(indicator.patternType()).isEqualTo("stix");
        assertThat(indicator.modified()).isEqualTo(T);
        assertThat(indicator.validFrom()).isEqualTo(T);
        assertThat(indicator.update()).isEmpty();
    }

    @Test
    void buildsARemovalAndRoundTripsIt() throws Exception {
        Indicator removal = Indicator.builder().id("indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01").created(T)
                .pattern("[ipv6-addr:value = '2001:db8::1']").update(Operation.REMOVE).build();

        Indicator decoded = MessageCodec.decode(removal.json().toByteArray(), Indicator.class);

        assertThat(decoded.update()).contains(Operation.REMOVE);
        assertThat(decoded).isEqualTo(removal);
        assertThat(removal.json().toString()).endsWith("\"x_threatbus_update\": \"REMOVE\"}");
    }

    @Test
    void refusesAnInvalidPatternNamingTheProperty() {
        assertThatThrownBy(() -> Indicator.builder().pattern("evil.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"pattern\" is not a valid STIX pattern");
    }

    @Test
    void refusesASightingWithoutReference() {
        assertThatThrownBy(() -> Sighting.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sighting_of_ref");
    }

    @Test
    void buildsASightingWithContextAndNestedIndicator() throws Exception {
        Indicator indicator = Indicator.builder().pattern("[domain-name:value = 'example.com']").created(T).build();

        Sighting sighting = Sighting.builder().sightingOfRef(indicator.id()).created(T).lastSeen(T).count(13)
                .context(Map.of("noisy", false)).source("Zeek").matchType(MatchType.LIVE).indicator(indicator)
                .property("x_custom", List.of(1, "two")).build();

        Sighting decoded = MessageCodec.decode(sighting.json().toByteArray(), Sighting.class);
        assertThat(decoded).isEqualTo(sighting);
        assertThat(decoded.count()).hasValue(13);
        assertThat(decoded.lastSeen()).contains(T);
        assertThat(decoded.matchType()).contains(MatchType.LIVE);
        assertThat(decoded.source()).contains("Zeek");
        assertThat(decoded.context().orElseThrow().get("noisy").booleanValue()).isFalse();
        assertThat(decoded.property(ThreatBusProperties.INDICATOR).orElseThrow().get("id").textValue())
                .isEqualTo(indicator.id());
        assertThat(decoded.property("x_custom", List.class)).contains(List.of(1, "two"));
    }

    @Test
    void toBuilderKeepsEveryPropertyAndAllowsChanges() {
        Indicator original = Indicator.builder().pattern("[domain-name:value = 'evil.com']").created(T)
                .property("x_origin", "misp").build();

        Indicator edited = original.toBuilder().modified(T.plusSeconds(60)).update(Operation.EDIT).build();

        assertThat(edited.id()).isEqualTo(original.id());
        assertThat(edited.stringProperty("x_origin")).contains("misp");
        assertThat(edited.modified()).isEqualTo(T.plusSeconds(60));
        assertThat(edited.update()).contains(Operation.EDIT);
    }

    @Test
    void propertyCopiesCannotChangeTheMessage() {
        Sighting sighting = Sighting.builder().sightingOfRef("indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01")
                .context(Map.of("a", 1)).build();
        String before = sighting.toString();

        ((com.fasterxml.jackson.databind.node.ObjectNode) sighting.context().orElseThrow()).put("a", 2);

        assertThat(sighting.toString()).isEqualTo(before);
    }

    @Test
    void snapshotMessagesValidateTheirParts() {
        assertThatThrownBy(() -> new SnapshotRequest(MessageType.INDICATOR, "", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SnapshotRequest(MessageType.INDICATOR, "id", Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        Sighting sighting = Sighting.builder().sightingOfRef("indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01").build();
        assertThatThrownBy(() -> new SnapshotEnvelope(MessageType.INDICATOR, "id", sighting))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot carry a sighting");
    }

    @Test
    void snapshotRequestEncodesWholeSeconds() {
        SnapshotRequest request = new SnapshotRequest(MessageType.INDICATOR, "acfb005d-1a1c-4fd7-aaa9-54f12c6291b6",
                Duration.ofDays(30).plusMillis(999));

        assertThat(request.json().toString()).isEqualTo("{\"type\": \"snapshotrequest\", \"snapshot_type\": 1, "
                + "\"snapshot_id\": \"acfb005d-1a1c-4fd7-aaa9-54f12c6291b6\", \"snapshot\": 2592000}");
    }
}
