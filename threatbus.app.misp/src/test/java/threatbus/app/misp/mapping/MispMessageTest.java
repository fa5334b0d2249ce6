// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static threatbus.app.misp.mapping.MispMessageException.Cause.INVALID_VALUE;
import static threatbus.app.misp.mapping.MispMessageException.Cause.MISSING_FIELD;
import static threatbus.app.misp.mapping.MispMessageException.Cause.NOT_JSON;
import static threatbus.app.misp.mapping.MispMessageException.Cause.NO_ATTRIBUTE;
import static threatbus.app.misp.mapping.MispMessageException.Cause.TOO_LARGE;
import static threatbus.app.misp.mapping.MispMessageException.Cause.UNKNOWN_ACTION;
import static threatbus.app.misp.mapping.MispMessageException.Cause.WRONG_TYPE;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.app.misp.mapping.MispMessageException.Cause;

/** Reading MISP feed messages and REST rows: real shapes, lenient types, and each rejection cause. */
class MispMessageTest {

    @Test
    void readsRealEditMessage() {
        MispMessage m = Fixtures.message("feed-edit-ip-src.json");
        assertThat(m.action()).isEqualTo(MispAction.EDIT);
        assertThat(m.uuid()).isEqualTo("5f7b2284-bdd8-4ef4-b457-032ac0a82f02");
        assertThat(m.type()).isEqualTo("ip-src");
        assertThat(m.value()).isEqualTo("6.6.6.6");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2020-10-05T13:58:55Z"));
        assertThat(m.toIds()).isTrue();
        assertThat(m.tags()).containsExactly("baz", "foo");
        assertThat(m.orgcId()).isEqualTo("1");
        assertThat(m.deleted()).isFalse();
        assertThat(m.attribute().get("category").asText()).isEqualTo("Network activity");
    }

    @Test
    void readsRealAddMessage() {
        MispMessage m = Fixtures.message("feed-add-domain.json");
        assertThat(m.action()).isEqualTo(MispAction.ADD);
        assertThat(m.type()).isEqualTo("domain");
        assertThat(m.value()).isEqualTo("example.com");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1614599635L));
        assertThat(m.tags()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"add, ADD", "edit, EDIT", "soft-delete, SOFT_DELETE", "delete, DELETE"})
    void readsEveryAction(String wire, MispAction action) {
        assertThat(Fixtures.parse(Fixtures.feed(wire, "domain", "evil.com", true)).action()).isEqualTo(action);
        assertThat(action.wireName()).isEqualTo(wire);
    }

    @Test
    void readsHardDeleteRow() {
        MispMessage m = Fixtures.message("feed-delete-ip-dst-port.json");
        assertThat(m.action()).isEqualTo(MispAction.DELETE);
        assertThat(m.value()).isEqualTo("2001:db8::beef|8443");
        assertThat(m.orgcId()).isNull();
        assertThat(m.tags()).isEmpty();
        MispMessage single = Fixtures.parse(Fixtures.hardDelete("domain", "evil.com", "", false));
        assertThat(single.value()).isEqualTo("evil.com");
    }

    @Test
    void acceptsNumbersAndFlagsAsOlderMispsWriteThem() {
        ObjectNode node = Fixtures.feed("add", "domain", "evil.com", null);
        ObjectNode attribute = (ObjectNode) node.get("Attribute");
        attribute.put("timestamp", 1601906335L).put("to_ids", "1").put("deleted", 1)
                .put("uuid", Fixtures.UUID.toUpperCase());
        ((ObjectNode) node.get("Event")).put("orgc_id", 7);
        MispMessage m = Fixtures.parse(node);
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1601906335L));
        assertThat(m.toIds()).isTrue();
        assertThat(m.deleted()).isTrue();
        assertThat(m.uuid()).isEqualTo(Fixtures.UUID);
        assertThat(m.orgcId()).isEqualTo("7");
        attribute.put("to_ids", 0);
        assertThat(Fixtures.parse(node).toIds()).isFalse();
        attribute.putNull("to_ids");
        assertThat(Fixtures.parse(node).toIds()).isNull();
    }

    @Test
    void readsRestSearchRowsAsAdditions() throws MispMessageException {
        JsonNode rows = Fixtures.tree("rest-search-attributes.json").path("response").path("Attribute");
        assertThat(rows.size()).isEqualTo(14);
        for (JsonNode row : rows) {
            MispMessage m = MispMessage.fromAttribute(row);
            assertThat(m.action()).isEqualTo(MispAction.ADD);
            assertThat(m.uuid()).isEqualTo(row.get("uuid").asText());
            assertThat(m.orgcId()).isIn("1", "2");
        }
        MispMessage tagged = MispMessage.fromAttribute(rows.get(5));
        assertThat(tagged.tags()).containsExactly("tlp:white");
        assertThat(tagged.attribute()).isNotSameAs(rows.get(5)).isEqualTo(rows.get(5));
    }

    @Test
    void rejectsMissingRestRow() {
        assertRejected(() -> MispMessage.fromAttribute(null), NO_ATTRIBUTE, "no attribute");
        assertRejected(() -> MispMessage.fromAttribute(Fixtures.JSON.getNodeFactory().textNode("x")), WRONG_TYPE,
                "must be an object");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            misp_json_attribute {"Attribute": {}} ; NOT_JSON ; not valid JSON
            {"Attribute": ; NOT_JSON ; not valid JSON
            {"action": "add"} {} ; NOT_JSON ; not valid JSON
            {"action": "add", "action": "edit"} ; NOT_JSON ; Duplicate field
            [1, 2] ; NOT_JSON ; expected a JSON object, got an array
            "add" ; NOT_JSON ; expected a JSON object
            {"action": "add"} ; NO_ATTRIBUTE ; no "Attribute"
            {"action": "add", "Attribute": null} ; NO_ATTRIBUTE ; no "Attribute"
            {"Event": {}, "Attribute": {}} ; MISSING_FIELD ; no "action"
            {"action": "publish", "Attribute": {}} ; UNKNOWN_ACTION ; "publish" is not add, edit, soft-delete or delete
            {"action": "ADD", "Attribute": {}} ; UNKNOWN_ACTION ; "ADD"
            {"action": "x\\ny", "Attribute": {}} ; UNKNOWN_ACTION ; "x\\ny"
            {"action": 1, "Attribute": {}} ; WRONG_TYPE ; action must be a string, got 1
            {"action": "add", "Attribute": "1.2.3.4"} ; WRONG_TYPE ; Attribute must be an object
            """)
    void rejectsMalformedDocuments(String json, Cause cause, String problem) {
        assertRejected(() -> MispMessage.parse(json.getBytes(StandardCharsets.UTF_8)), cause, problem);
    }

    /** Attribute fields, each replaced in an otherwise valid add message. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            {"uuid": null} ; MISSING_FIELD ; Attribute.uuid is missing
            {"uuid": 5} ; WRONG_TYPE ; Attribute.uuid must be a string, got 5
            {"uuid": "5f7b2284-bdd8-4ef4-b457"} ; INVALID_VALUE ; not a UUID
            {"uuid": "5f7b2284-bdd8-4ef4-b457-032ac0a82f0g"} ; INVALID_VALUE ; not a UUID
            {"type": ""} ; MISSING_FIELD ; Attribute.type is missing or empty
            {"type": ["ip-src"]} ; WRONG_TYPE ; Attribute.type must be a string, got an array
            {"value": ""} ; MISSING_FIELD ; Attribute.value (or value1) is missing
            {"value": 6} ; WRONG_TYPE ; Attribute.value must be a string
            {"timestamp": null} ; MISSING_FIELD ; Attribute.timestamp is missing
            {"timestamp": "yesterday"} ; INVALID_VALUE ; must be epoch seconds
            {"timestamp": -5} ; INVALID_VALUE ; must be epoch seconds
            {"timestamp": "99999999999999999999"} ; INVALID_VALUE ; must be epoch seconds
            {"timestamp": "9999999999999999999"} ; INVALID_VALUE ; must be epoch seconds
            {"timestamp": 9223372036854775807} ; INVALID_VALUE ; must be epoch seconds
            {"timestamp": "253402300800"} ; INVALID_VALUE ; up to year 9999
            {"timestamp": 1.5} ; WRONG_TYPE ; Attribute.timestamp must be a string or an integer
            {"to_ids": "yes"} ; WRONG_TYPE ; Attribute.to_ids must be a boolean, 0 or 1, got "yes"
            {"to_ids": 2} ; WRONG_TYPE ; Attribute.to_ids must be a boolean
            {"Tag": {"name": "x"}} ; WRONG_TYPE ; Attribute.Tag must be an array
            {"Tag": ["tlp:red"]} ; WRONG_TYPE ; Attribute.Tag[0] must be an object
            {"Tag": [{"id": "1"}]} ; MISSING_FIELD ; Attribute.Tag[0].name is missing
            {"Tag": [{"name": 3}]} ; WRONG_TYPE ; Attribute.Tag[0].name must be a string
            """)
    void rejectsMalformedAttributes(String replacement, Cause cause, String problem) throws Exception {
        ObjectNode node = Fixtures.feed("add", "ip-src", "6.6.6.6", true);
        ((ObjectNode) node.get("Attribute")).setAll((ObjectNode) Fixtures.JSON.readTree(replacement));
        assertRejected(() -> MispMessage.parse(Fixtures.bytes(node)), cause, problem);
    }

    @Test
    void rejectsMalformedEvent() {
        ObjectNode node = Fixtures.feed("add", "ip-src", "6.6.6.6", true);
        node.put("Event", "1");
        assertRejected(() -> MispMessage.parse(Fixtures.bytes(node)), WRONG_TYPE, "Event must be an object");
        node.putObject("Event").putObject("orgc_id");
        assertRejected(() -> MispMessage.parse(Fixtures.bytes(node)), WRONG_TYPE,
                "Event.orgc_id must be a string or an integer, got an object");
    }

    @Test
    void rejectsEmptyAndOversizedInput() {
        assertRejected(() -> MispMessage.parse(new byte[0]), NOT_JSON, "empty message");
        assertRejected(() -> MispMessage.parse(null), NOT_JSON, "empty message");
        assertRejected(() -> MispMessage.parse(" ".getBytes(StandardCharsets.UTF_8)), NOT_JSON, "no JSON value");
        byte[] valid = Fixtures.resource("feed-add-domain.json");
        assertRejected(() -> MispMessage.parse(valid, valid.length - 1), TOO_LARGE, "exceeds the limit");
        ObjectNode huge = Fixtures.feed("add", "ip-src", "6.6.6.6", true);
        ((ObjectNode) huge.get("Attribute")).put("comment", "x".repeat(MispMessage.DEFAULT_MAX_BYTES));
        assertRejected(() -> MispMessage.parse(Fixtures.bytes(huge)), TOO_LARGE, "limit of 1048576 bytes");
        String deep = "{\"action\": \"add\", \"Attribute\": {\"x\": " + "[".repeat(100) + "]".repeat(100) + "}}";
        assertRejected(() -> MispMessage.parse(deep.getBytes(StandardCharsets.UTF_8)), TOO_LARGE, "nested deeper");
    }

    @Test
    void messagesDoNotEchoControlCharacters() {
        String json = "{\"action\": \"add\\u001b[31m\\nforged\", \"Attribute\": {}}";
        assertThatExceptionOfType(MispMessageException.class)
                .isThrownBy(() -> MispMessage.parse(json.getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u001b"));
    }

    static void assertRejected(MessageCall call, Cause cause, String problem) {
        assertThatExceptionOfType(MispMessageException.class).isThrownBy(call::run)
                .satisfies(e -> assertThat(e.cause()).isEqualTo(cause))
                .withMessageContaining(problem);
    }

    @FunctionalInterface
    interface MessageCall {
        Object run() throws MispMessageException;
    }
}
