// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.misp.mapping.MispMessageTest.assertRejected;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.message.Indicator;
import threatbus.api.message.Operation;
import threatbus.app.misp.mapping.MispMessageException.Cause;

/** The action rules, the original plugin's expected indicators, and where this mapping deliberately differs. */
class IndicatorMapperTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final PublishedAttributes published = new PublishedAttributes(100);
    private final IndicatorMapper mapper = new IndicatorMapper(published, Clock.fixed(NOW, ZoneOffset.UTC));

    /**
     * The original's expected indicator for its add-domain message. Deliberate differences: {@code modified}
     * and {@code valid_from} are the attribute timestamp (the original left them to processing time), the
     * timestamp is read as UTC on any host, and a {@code name} is added.
     */
    @Test
    void addDomainGivesOriginalIndicator() throws Exception {
        Indicator indicator = mapper.map(Fixtures.message("feed-add-domain.json")).orElseThrow();
        JsonNode json = Fixtures.JSON.readTree(indicator.json().toString());
        assertThat(json.get("type").asText()).isEqualTo("indicator");
        assertThat(json.get("spec_version").asText()).isEqualTo("2.1");
        assertThat(json.get("id").asText()).isEqualTo("indicator--5e1f2787-fcfc-4718-a58a-00b4c0a82f06");
        assertThat(json.get("created").asText()).isEqualTo("2021-03-01T11:53:55.000Z");
        assertThat(json.get("modified").asText()).isEqualTo("2021-03-01T11:53:55.000Z");
        assertThat(json.get("valid_from").asText()).isEqualTo("2021-03-01T11:53:55.000Z");
        assertThat(json.get("pattern").asText()).isEqualTo("[domain-name:value = 'example.com']");
        assertThat(json.get("pattern_type").asText()).isEqualTo("stix");
        assertThat(json.get("pattern_version").asText()).isEqualTo("2.1");
        assertThat(json.get("name").asText()).isEqualTo("domain: example.com");
        assertThat(json.has("x_threatbus_update")).isFalse();
        assertThat(published.contains("5e1f2787-fcfc-4718-a58a-00b4c0a82f06")).isTrue();
    }

    /** The original's only removal path: edit with to_ids=false, here for an attribute never seen before. */
    @Test
    void editClearingToIdsGivesOriginalRemoval() throws Exception {
        Indicator indicator = mapper.map(Fixtures.message("feed-edit-domain-to-ids-false.json")).orElseThrow();
        assertThat(indicator.id()).isEqualTo("indicator--5e1f2787-fcfc-4718-a58a-00b4c0a82f06");
        assertThat(indicator.created()).isEqualTo(Instant.parse("2020-01-15T16:09:05Z"));
        assertThat(indicator.pattern()).isEqualTo("[domain-name:value = 'example.com']");
        assertThat(indicator.update()).contains(Operation.REMOVE);
        assertThat(indicator.json().toString()).contains("\"x_threatbus_update\": \"REMOVE\"")
                .contains("\"created\": \"2020-01-15T16:09:05.000Z\"");
    }

    @Test
    void compoundDomainIpGivesOriginalPattern() throws Exception {
        Indicator indicator = mapper.map(Fixtures.message("feed-add-domain-ip.json")).orElseThrow();
        assertThat(indicator.id()).isEqualTo("indicator--5e1f2787-fcfc-4718-a58a-00b4c0a82f06");
        assertThat(indicator.pattern())
                .isEqualTo("[domain-name:value = 'example.com'] AND [ipv4-addr:value = 'example.com']");
    }

    @Test
    void realEditWithToIdsGivesAddition() throws Exception {
        Indicator indicator = mapper.map(Fixtures.message("feed-edit-ip-src.json")).orElseThrow();
        assertThat(indicator.pattern()).isEqualTo("[ipv4-addr:value = '6.6.6.6']");
        assertThat(indicator.created()).isEqualTo(Instant.parse("2020-10-05T13:58:55Z"));
        assertThat(indicator.update()).isEmpty();
    }

    /** The original read the epoch as local time; the result must not depend on the host's zone. */
    @Test
    void timestampsAreUtcWhateverTheDefaultZone() throws Exception {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Indicator indicator = mapper.map(Fixtures.message("feed-add-domain.json")).orElseThrow();
            assertThat(indicator.json().toString()).contains("\"created\": \"2021-03-01T11:53:55.000Z\"");
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    /** action, to_ids, remembered as published before → result, remembered after. */
    @ParameterizedTest(name = "{0} to_ids={1} published={2} -> {3}")
    @CsvSource(nullValues = "null", textBlock = """
            add,         true,  false, ADD,    true
            add,         true,  true,  ADD,    true
            add,         false, false, NONE,   false
            edit,        true,  false, ADD,    true
            edit,        true,  true,  ADD,    true
            edit,        false, true,  REMOVE, false
            edit,        false, false, REMOVE, false
            soft-delete, true,  true,  REMOVE, false
            soft-delete, true,  false, REMOVE, false
            soft-delete, false, true,  REMOVE, false
            soft-delete, false, false, NONE,   false
            soft-delete, null,  true,  REMOVE, false
            soft-delete, null,  false, NONE,   false
            """)
    void appliesActionRules(String action, Boolean toIds, boolean before, String result, boolean after)
            throws Exception {
        if (before) {
            published.add(Fixtures.UUID);
        }
        Optional<Indicator> indicator = mapper.map(Fixtures.parse(Fixtures.feed(action, "domain", "evil.com", toIds)));
        assertResult(indicator, result);
        assertThat(published.contains(Fixtures.UUID)).isEqualTo(after);
    }

    @ParameterizedTest(name = "delete to_ids={0} published={1} -> {2}")
    @CsvSource(textBlock = """
            true,  true,  REMOVE
            false, true,  REMOVE
            true,  false, NONE
            false, false, NONE
            """)
    void hardDeleteIsWithdrawnOnlyIfPublished(boolean toIds, boolean before, String result) throws Exception {
        if (before) {
            published.add(Fixtures.UUID);
        }
        Optional<Indicator> indicator = mapper.map(Fixtures.parse(Fixtures.hardDelete("domain", "evil.com", "", toIds)));
        assertResult(indicator, result);
        assertThat(published.contains(Fixtures.UUID)).isFalse();
    }

    /** Add then hard delete, in MISP's real shapes: the removal rebuilds the pattern from value1|value2. */
    @Test
    void hardDeleteAfterAddWithdrawsTheSamePattern() throws Exception {
        MispMessage delete = Fixtures.message("feed-delete-ip-dst-port.json");
        ObjectNode add = Fixtures.feed("add", "ip-dst|port", "2001:db8::beef|8443", true);
        ((ObjectNode) add.get("Attribute")).put("uuid", delete.uuid());
        Indicator added = mapper.map(Fixtures.parse(add)).orElseThrow();
        Indicator removed = mapper.map(delete).orElseThrow();
        assertThat(removed.id()).isEqualTo(added.id());
        assertThat(removed.pattern()).isEqualTo(added.pattern()).isEqualTo("[ipv6-addr:value = '2001:db8::beef']");
        assertThat(removed.update()).contains(Operation.REMOVE);
        assertThat(removed.created()).isEqualTo(Instant.ofEpochSecond(1614600000L));
        // the row's timestamp predates the deletion; the removal must be the newer version
        assertThat(removed.modified()).isEqualTo(NOW);
        assertThat(mapper.map(delete)).as("a second delete of the same attribute").isEmpty();
    }

    /** An edit of an attribute flagged deleted must not bring the indicator back. */
    @Test
    void editOfSoftDeletedAttributeIsARemoval() throws Exception {
        ObjectNode edit = Fixtures.feed("edit", "domain", "evil.com", true);
        ((ObjectNode) edit.get("Attribute")).put("deleted", true);
        assertResult(mapper.map(Fixtures.parse(edit)), "REMOVE");
        assertThat(published.contains(Fixtures.UUID)).isFalse();
    }

    @Test
    void unmappableTypeIsRejectedOnlyWhenAnIndicatorIsDue() throws Exception {
        assertRejected(() -> mapper.map(Fixtures.parse(Fixtures.feed("add", "text", "Regin", true))),
                Cause.UNMAPPABLE_TYPE, "attribute type \"text\" has no STIX pattern mapping");
        assertThat(mapper.map(Fixtures.parse(Fixtures.feed("add", "text", "Regin", false)))).isEmpty();
        assertThat(mapper.map(Fixtures.parse(Fixtures.feed("edit", "text", "Regin", false)))).isEmpty();
        assertThat(mapper.map(Fixtures.parse(Fixtures.feed("soft-delete", "port", "443", true)))).isEmpty();
        assertThat(published.size()).isZero();
    }

    @Test
    void invalidValueIsRejectedOnlyWhenAnIndicatorIsDue() throws Exception {
        assertRejected(() -> mapper.map(Fixtures.parse(Fixtures.feed("add", "md5", "fooo", true))),
                Cause.INVALID_VALUE, "is not a valid MD5 hash");
        assertRejected(() -> mapper.map(Fixtures.parse(Fixtures.feed("edit", "AS", "ASx", true))),
                Cause.INVALID_VALUE, "not an AS number");
        assertThat(mapper.map(Fixtures.parse(Fixtures.feed("edit", "md5", "fooo", false)))).isEmpty();
        assertThat(published.size()).isZero();
    }

    @Test
    void additionWithoutToIdsIsRejected() throws Exception {
        assertRejected(() -> mapper.map(Fixtures.parse(Fixtures.feed("add", "domain", "evil.com", null))),
                Cause.MISSING_FIELD, "to_ids is missing");
        assertRejected(() -> mapper.map(Fixtures.parse(Fixtures.feed("edit", "domain", "evil.com", null))),
                Cause.MISSING_FIELD, "needed for edit");
    }

    /** Once evicted from the bounded memory, a hard delete is no longer propagated. */
    @Test
    void evictedAttributesAreForgotten() throws Exception {
        PublishedAttributes small = new PublishedAttributes(1);
        IndicatorMapper smallMapper = new IndicatorMapper(small);
        smallMapper.map(Fixtures.parse(Fixtures.feed("add", "domain", "evil.com", true)));
        ObjectNode other = Fixtures.feed("add", "domain", "other.com", true);
        ((ObjectNode) other.get("Attribute")).put("uuid", "0b7e4f7c-3d1a-4c5e-9f2b-6a8d1c2e3f40");
        smallMapper.map(Fixtures.parse(other));
        assertThat(smallMapper.map(Fixtures.parse(Fixtures.hardDelete("domain", "evil.com", "", true)))).isEmpty();
    }

    @Test
    void nameCarriesWhatThePointPatternDrops() throws Exception {
        Indicator indicator = mapper.map(Fixtures.parse(Fixtures.feed("add", "filename|md5",
                "evil.exe|3d8c1104c6c2482eb4afc4458109a84e", true))).orElseThrow();
        assertThat(indicator.pattern()).isEqualTo("[file:hashes.MD5 = '3d8c1104c6c2482eb4afc4458109a84e']");
        assertThat(indicator.name()).contains("filename|md5: evil.exe|3d8c1104c6c2482eb4afc4458109a84e");
        Indicator longOne = mapper.map(Fixtures.parse(Fixtures.feed("add", "url", "https://x/" + "a".repeat(500),
                true))).orElseThrow();
        assertThat(longOne.name().orElseThrow()).hasSize(256).endsWith("...");
    }

    @Test
    void ipv6IsNotTypedAsIpv4() throws Exception {
        Indicator indicator = mapper.map(Fixtures.parse(Fixtures.feed("add", "ip-dst", "2001:db8::1", true)))
                .orElseThrow();
        assertThat(indicator.pattern()).isEqualTo("[ipv6-addr:value = '2001:db8::1']");
    }

    private static void assertResult(Optional<Indicator> indicator, String result) {
        switch (result) {
            case "NONE" -> assertThat(indicator).isEmpty();
            case "ADD" -> assertThat(indicator).get().satisfies(i -> assertThat(i.update()).isEmpty());
            case "REMOVE" -> assertThat(indicator).get().satisfies(i -> {
                assertThat(i.update()).contains(Operation.REMOVE);
                assertThat(i.pattern()).isEqualTo("[domain-name:value = 'evil.com']");
            });
            default -> throw new IllegalArgumentException(result);
        }
    }
}
