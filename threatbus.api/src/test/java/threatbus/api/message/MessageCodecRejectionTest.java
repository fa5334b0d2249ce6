// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input fails with a {@link MessageFormatException} that says what is wrong and where. */
class MessageCodecRejectionTest {

    private static final String ID = "indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01";

    /** A valid indicator with one property replaced (or removed, with the value {@code REMOVE}). */
    private static String indicatorWith(String property, String json) {
        StringBuilder out = new StringBuilder("{");
        String[][] properties = {{"type", "\"indicator\""}, {"spec_version", "\"2.1\""}, {"id", "\"" + ID + "\""},
            {"created", "\"2022-01-01T00:00:00.000Z\""}, {"modified", "\"2022-01-01T00:00:00.000Z\""},
            {"pattern", "\"[domain-name:value = 'evil.com']\""}, {"pattern_type", "\"stix\""},
            {"valid_from", "\"2022-01-01T00:00:00.000Z\""}};
        boolean replaced = false;
        for (String[] p : properties) {
            String value = p[0].equals(property) ? json : p[1];
            replaced |= p[0].equals(property);
            if (!"REMOVE".equals(value)) {
                out.append(out.length() > 1 ? ", " : "").append('"').append(p[0]).append("\": ").append(value);
            }
        }
        if (!replaced) {
            out.append(", \"").append(property).append("\": ").append(json);
        }
        return out.append('}').toString();
    }

    private static MessageFormatException rejection(String json) {
        try {
            MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        } catch (MessageFormatException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void baselineIndicatorIsValid() throws Exception {
        assertThat(MessageCodec.decode(indicatorWith("name", "\"ok\""))).isInstanceOf(Indicator.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                   | hello                                  | malformed JSON at line 1, column 1: Unrecognized token 'hello'",
        "truncated JSON             | '{\"type\": \"indicator\"'               | malformed JSON",
        "trailing content           | '{\"type\": \"x\"} {}'                    | malformed JSON",
        "empty input                | ''                                     | empty input",
        "array instead of object    | '[1, 2]'                               | expected a JSON object, got an array",
        "no type                    | '{\"id\": 1}'                           | missing required property \"type\"",
        "type not a string          | '{\"type\": 7}'                         | \"type\" must be a string, got 7",
        "unknown type               | '{\"type\": \"malware\"}'                | unknown message type \"malware\"",
        "duplicate keys             | '{\"type\": \"a\", \"type\": \"b\"}'        | Duplicate field 'type'",
    })
    void rejectsMalformedInput(String name, String json, String expected) {
        assertThat(rejection(json == null ? "" : json).getMessage()).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing pattern         | pattern      | REMOVE                           | missing required property \"pattern\"",
        "pattern not a string    | pattern      | 42                               | \"pattern\" must be a string, got 42 (at /pattern)",
        "invalid STIX pattern    | pattern      | '\"this is not a pattern\"'      | \"pattern\" is not a valid STIX pattern",
        "missing pattern_type    | pattern_type | REMOVE                           | missing required property \"pattern_type\"",
        "bad timestamp           | created      | '\"yesterday\"'                  | \"created\" must be a STIX timestamp such as 2021-03-04T10:00:00.000Z, got \"yesterday\" (at /created)",
        "timestamp with offset   | valid_from   | '\"2022-01-01T00:00:00+01:00\"'  | \"valid_from\" must be a STIX timestamp",
        "impossible date         | modified     | '\"2022-02-30T00:00:00Z\"'       | \"modified\" must be a STIX timestamp",
        "modified before created | modified     | '\"2021-12-31T23:59:59.999Z\"'   | \"modified\" must not be earlier than \"created\"",
        "valid_until too early   | valid_until  | '\"2022-01-01T00:00:00.000Z\"'   | \"valid_until\" must be later than \"valid_from\"",
        "missing spec_version    | spec_version | REMOVE                           | missing \"spec_version\"",
        "STIX 2.0                | spec_version | '\"2.0\"'                        | unsupported \"spec_version\" \"2.0\"",
        "id of another type      | id           | '\"malware--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\"' | \"id\" must be indicator--<uuid>",
        "id without uuid         | id           | '\"indicator--42\"'              | \"id\" must be indicator--<uuid>",
        "unknown update          | x_threatbus_update | '\"ADD\"'                  | \"x_threatbus_update\" must be \"EDIT\" or \"REMOVE\", got \"ADD\"",
        "revoked not boolean     | revoked      | '\"yes\"'                        | \"revoked\" must be true or false",
    })
    void rejectsInvalidIndicators(String name, String property, String json, String expected) {
        assertThat(rejection(indicatorWith(property, json)).getMessage()).contains(expected);
    }

    @Test
    void leavesPatternsOfOtherLanguagesToTheirConsumers() throws Exception {
        Indicator sigma = MessageCodec.decode(indicatorWith("pattern_type", "\"sigma\"").replace(
                "[domain-name:value = 'evil.com']", "title: not STIX").getBytes(), Indicator.class);

        assertThat(sigma.patternType()).isEqualTo("sigma");
        assertThat(sigma.propertyNames()).doesNotContain("pattern_version");
    }

    @Test
    void rejectsSightingWithoutValidReference() {
        String sighting = "{\"type\": \"sighting\", \"spec_version\": \"2.1\", \"id\": "
                + "\"sighting--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"sighting_of_ref\": \"the bad one\"}";

        assertThat(rejection(sighting).getMessage())
                .contains("\"sighting_of_ref\" must be a STIX id").contains("(at /sighting_of_ref)");
    }

    @Test
    void rejectsSightingCountOutOfRange() {
        String sighting = "{\"type\": \"sighting\", \"spec_version\": \"2.1\", \"id\": "
                + "\"sighting--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"sighting_of_ref\": \"" + ID + "\", "
                + "\"count\": 1000000000}";

        assertThat(rejection(sighting).getMessage()).contains("\"count\" must be an integer from 0 to 999999999");
    }

    @Test
    void rejectsSightingLastSeenBeforeFirstSeen() {
        String sighting = "{\"type\": \"sighting\", \"spec_version\": \"2.1\", \"id\": "
                + "\"sighting--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"sighting_of_ref\": \"" + ID + "\", "
                + "\"first_seen\": \"2022-01-02T00:00:00Z\", \"last_seen\": \"2022-01-01T00:00:00Z\"}";

        assertThat(rejection(sighting).getMessage()).contains("\"last_seen\" must not be earlier than \"first_seen\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing id       | '{\"type\": \"snapshotrequest\", \"snapshot_type\": 1, \"snapshot\": 5}'                     | missing required property \"snapshot_id\"",
        "missing duration | '{\"type\": \"snapshotrequest\", \"snapshot_type\": 1, \"snapshot_id\": \"a\"}'              | missing required property \"snapshot\"",
        "negative         | '{\"type\": \"snapshotrequest\", \"snapshot_type\": 1, \"snapshot_id\": \"a\", \"snapshot\": -1}' | \"snapshot\" must be a non-negative number of seconds",
        "unknown kind     | '{\"type\": \"snapshotrequest\", \"snapshot_type\": 3, \"snapshot_id\": \"a\", \"snapshot\": 1}'  | \"snapshot_type\" must be 1 (indicator) or 2 (sighting), got 3",
        "kind as string   | '{\"type\": \"snapshotrequest\", \"snapshot_type\": \"1\", \"snapshot_id\": \"a\", \"snapshot\": 1}' | \"snapshot_type\" must be 1 (indicator) or 2 (sighting), got \"1\"",
        "no body          | '{\"type\": \"snapshotenvelope\", \"snapshot_type\": 1, \"snapshot_id\": \"a\"}'             | missing required property \"body\"",
        "body not STIX    | '{\"type\": \"snapshotenvelope\", \"snapshot_type\": 1, \"snapshot_id\": \"a\", \"body\": \"x\"}' | expected a JSON object, got \"x\" (at /body)",
    })
    void rejectsInvalidSnapshotMessages(String name, String json, String expected) {
        assertThat(rejection(json).getMessage()).contains(expected);
    }

    @Test
    void namesThePathOfAnErrorInsideAnEnvelope() throws Exception {
        String envelope = Fixtures.text("snapshotenvelope-indicator.json")
                .replace("\"created\": \"2022-06-01T08:30:00.000Z\"", "\"created\": \"noon\"");

        MessageFormatException e = rejection(envelope);

        assertThat(e.path()).isEqualTo("/body/created");
        assertThat(e.getMessage()).endsWith("(at /body/created)");
    }

    @Test
    void rejectsEnvelopeWhoseBodyIsNotOfTheAnnouncedType() throws Exception {
        String envelope = Fixtures.text("snapshotenvelope-sighting.json").replace("\"snapshot_type\": 2",
                "\"snapshot_type\": 1");

        assertThat(rejection(envelope).getMessage()).contains("does not match the sighting in the body");
    }

    @Test
    void boundsNestingDepth() {
        String deep = "{\"type\": \"indicator\", \"x\": " + "[".repeat(500) + "]".repeat(500) + "}";

        assertThat(rejection(deep).getMessage()).contains("exceeds a limit").contains("nesting depth");
    }

    @Test
    void rejectsANumberWhoseExponentNoDecimalCanHold() throws Exception {
        // found by fuzzing: Jackson reports it with a NumberFormatException, not with its IOException
        String indicator = Fixtures.text("indicator.json").replaceFirst("\\{", "{\"x_score\": 20e57777777777772, ");

        assertThat(rejection(indicator).getMessage()).contains("a number out of range");
        assertThatThrownBy(() -> MessageCodec.decode("20e57777777777772".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void quotesHostileValuesEscapedAndShortened() {
        String hostile = "{\"type\": \"evil\\n2024-01-01 FAKE LOG LINE " + "x".repeat(200) + "\"}";

        String message = rejection(hostile).getMessage();

        assertThat(message).doesNotContain("\n").contains("\\n2024-01-01").hasSizeLessThan(200);
    }

    @Test
    void rejectsUnexpectedKindWithClearMessage() {
        assertThatThrownBy(() -> MessageCodec.decode(Fixtures.bytes("indicator.json"), Sighting.class))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("expected a sighting, got an indicator");
    }
}
