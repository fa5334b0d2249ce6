// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.internal.Json;

/**
 * Decodes the JSON wire form of Threat Bus messages (spec §1.11): one object whose {@code "type"} selects
 * the message: {@code indicator}, {@code sighting}, {@code snapshotrequest} or {@code snapshotenvelope}.
 * Encoding is {@link Message#json()}.
 *
 * <p>Every failure is a {@link MessageFormatException} whose message says what is wrong and where; input
 * is bounded in size ({@value Json#MAX_DOCUMENT_BYTES} bytes) and nesting ({@value Json#MAX_NESTING_DEPTH}
 * levels). Thread-safe.
 */
public final class MessageCodec {

    private MessageCodec() {
    }

    /** Decodes one message from UTF-8 JSON. */
    public static Message decode(byte[] json) throws MessageFormatException {
        return decode(json, 0, json.length);
    }

    /** Decodes one message from a slice of UTF-8 JSON (e.g. the part of a frame after its topic). */
    public static Message decode(byte[] json, int offset, int length) throws MessageFormatException {
        try {
            return fromTree(Json.MAPPER.readTree(json, offset, length));
        } catch (IOException e) {
            throw malformed(e);
        } catch (NumberFormatException e) {
            throw numberOutOfRange(e);
        }
    }

    /** Decodes one message from JSON text. */
    public static Message decode(String json) throws MessageFormatException {
        try {
            return fromTree(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw malformed(e);
        } catch (NumberFormatException e) {
            throw numberOutOfRange(e);
        }
    }

    /** Decodes a message of an expected kind, e.g. {@code decode(bytes, Indicator.class)}. */
    public static <T extends Message> T decode(byte[] json, Class<T> expected) throws MessageFormatException {
        Message message = decode(json);
        if (!expected.isInstance(message)) {
            throw new MessageFormatException("expected " + article(expected.getSimpleName().toLowerCase())
                    + ", got " + article(message.typeName()), "/type");
        }
        return expected.cast(message);
    }

    /** Decodes a message from an already parsed JSON tree. */
    public static Message fromTree(JsonNode tree) throws MessageFormatException {
        if (tree == null || tree.isMissingNode()) {
            throw new MessageFormatException("empty input: expected a JSON object", "");
        }
        ObjectNode object = Fields.object(tree, "");
        String type = Fields.requiredText(object, "type", "");
        return switch (type) {
            case "indicator" -> StixDecoder.indicator(object, "");
            case "sighting" -> StixDecoder.sighting(object, "");
            case "snapshotrequest" -> snapshotRequest(object);
            case "snapshotenvelope" -> snapshotEnvelope(object);
            default -> throw new MessageFormatException("unknown message type " + Fields.describe(object.get("type"))
                    + ": expected indicator, sighting, snapshotrequest or snapshotenvelope", "/type");
        };
    }

    private static SnapshotRequest snapshotRequest(ObjectNode in) throws MessageFormatException {
        MessageType type = snapshotType(in);
        String id = snapshotId(in);
        JsonNode seconds = in.get("snapshot");
        if (seconds == null) {
            throw new MessageFormatException("missing required property \"snapshot\" (seconds)", "");
        }
        if (!seconds.isNumber() || seconds.decimalValue().signum() < 0 || !seconds.canConvertToLong()) {
            throw new MessageFormatException("\"snapshot\" must be a non-negative number of seconds, got "
                    + Fields.describe(seconds), "/snapshot");
        }
        // the original encoder truncated to whole seconds; so do we
        return new SnapshotRequest(type, id, Duration.ofSeconds(seconds.longValue()));
    }

    private static SnapshotEnvelope snapshotEnvelope(ObjectNode in) throws MessageFormatException {
        MessageType type = snapshotType(in);
        String id = snapshotId(in);
        JsonNode body = in.get("body");
        if (body == null) {
            throw new MessageFormatException("missing required property \"body\"", "");
        }
        StixObject item = StixDecoder.decode(body, "/body");
        if (!type.topic().equals(item.topic())) {
            throw new MessageFormatException("\"snapshot_type\" " + type.code() + " (" + type + ") does not match the "
                    + item.typeName() + " in the body", "/snapshot_type");
        }
        return new SnapshotEnvelope(type, id, item);
    }

    private static MessageType snapshotType(ObjectNode in) throws MessageFormatException {
        JsonNode code = in.get("snapshot_type");
        if (code == null) {
            throw new MessageFormatException("missing required property \"snapshot_type\" (1 = indicator, 2 = sighting)",
                    "");
        }
        if (code.isIntegralNumber() && code.canConvertToLong()) {
            var type = MessageType.ofCode(code.longValue());
            if (type.isPresent()) {
                return type.get();
            }
        }
        throw new MessageFormatException("\"snapshot_type\" must be 1 (indicator) or 2 (sighting), got "
                + Fields.describe(code), "/snapshot_type");
    }

    private static String snapshotId(ObjectNode in) throws MessageFormatException {
        String id = Fields.requiredText(in, "snapshot_id", "");
        if (id.isEmpty()) {
            throw new MessageFormatException("\"snapshot_id\" must not be empty", "/snapshot_id");
        }
        return id;
    }

    private static MessageFormatException malformed(IOException e) {
        if (e instanceof StreamConstraintsException) {
            return new MessageFormatException("input exceeds a limit: " + e.getMessage(), "");
        }
        if (e instanceof JsonProcessingException parse) {
            JsonLocation at = parse.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new MessageFormatException("malformed JSON" + where + ": " + firstLine(parse.getOriginalMessage()), "");
        }
        return new MessageFormatException("unreadable input: " + e.getMessage(), "");
    }

    /** Numbers are read exactly; one whose exponent a BigDecimal cannot hold fails outside Jackson's IOException. */
    private static MessageFormatException numberOutOfRange(NumberFormatException e) {
        return new MessageFormatException("malformed JSON: a number out of range (" + firstLine(String.valueOf(
                e.getMessage())) + ")", "");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
