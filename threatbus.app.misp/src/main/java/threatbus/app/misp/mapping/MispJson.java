// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static threatbus.app.misp.mapping.MispMessageException.Cause.INVALID_VALUE;
import static threatbus.app.misp.mapping.MispMessageException.Cause.MISSING_FIELD;
import static threatbus.app.misp.mapping.MispMessageException.Cause.NOT_JSON;
import static threatbus.app.misp.mapping.MispMessageException.Cause.TOO_LARGE;
import static threatbus.app.misp.mapping.MispMessageException.Cause.WRONG_TYPE;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Bounded JSON reading and lenient field access for MISP documents. MISP writes ids and timestamps as strings
 * of digits and booleans as {@code true}/{@code false}, but older versions and other exporters use numbers and
 * {@code 0}/{@code 1}, so both are accepted.
 */
final class MispJson {

    /** MISP attribute messages are 4 or 5 levels deep; anything far deeper is hostile or not MISP. */
    static final int MAX_NESTING_DEPTH = 32;

    /** Epoch seconds of 9999-12-31T23:59:59Z, the last instant a STIX timestamp can express. */
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

    private static final int MAX_QUOTED = 60;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // error messages must not echo the (possibly hostile) input
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // a duplicate key would let two readers of the same message see different values
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
    }

    private MispJson() {
    }

    /** Reads a document of at most {@code maxBytes} bytes. */
    static JsonNode read(byte[] json, int maxBytes) throws MispMessageException {
        if (json == null || json.length == 0) {
            throw new MispMessageException(NOT_JSON, "empty message");
        }
        if (json.length > maxBytes) {
            throw new MispMessageException(TOO_LARGE,
                    "message of " + json.length + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new MispMessageException(NOT_JSON, "no JSON value in message");
            }
            return root;
        } catch (IOException e) {
            if (causedByConstraint(e)) {
                throw new MispMessageException(TOO_LARGE, "message nested deeper than " + MAX_NESTING_DEPTH
                        + " levels", e);
            }
            throw new MispMessageException(NOT_JSON, "not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** A string field; null when absent or JSON null. */
    static String text(JsonNode in, String name, String path) throws MispMessageException {
        JsonNode value = in.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MispMessageException(WRONG_TYPE, path + "." + name + " must be a string, got " + describe(value));
        }
        return value.textValue();
    }

    /** A non-empty string field. */
    static String requiredText(JsonNode in, String name, String path) throws MispMessageException {
        String value = text(in, name, path);
        if (value == null || value.isEmpty()) {
            throw new MispMessageException(MISSING_FIELD, path + "." + name + " is missing or empty");
        }
        return value;
    }

    /** A numeric id written as a string or an integer, as its decimal string; null when absent. */
    static String id(JsonNode in, String name, String path) throws MispMessageException {
        JsonNode value = in.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        throw new MispMessageException(WRONG_TYPE, path + "." + name + " must be a string or an integer, got "
                + describe(value));
    }

    /** A boolean written as {@code true}/{@code false}, 0/1 or "0"/"1"; null when absent or JSON null. */
    static Boolean bool(JsonNode in, String name, String path) throws MispMessageException {
        JsonNode value = in.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        Boolean result = toBoolean(value);
        if (result == null) {
            throw new MispMessageException(WRONG_TYPE, path + "." + name + " must be a boolean, 0 or 1, got "
                    + describe(value));
        }
        return result;
    }

    /** The boolean a value stands for, or null if it stands for none. */
    static Boolean toBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.isIntegralNumber() || value.isTextual() ? value.asText() : "";
        return switch (text) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Required epoch seconds, written as a string of digits or an integer. */
    static Instant epochSeconds(JsonNode in, String name, String path) throws MispMessageException {
        String text = id(in, name, path);
        if (text == null || text.isEmpty()) {
            throw new MispMessageException(MISSING_FIELD, path + "." + name + " is missing or empty");
        }
        // 12 digits hold MAX_EPOCH_SECONDS, so the parse cannot overflow
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 12
                || Long.parseLong(text) > MAX_EPOCH_SECONDS) {
            throw new MispMessageException(INVALID_VALUE, path + "." + name
                    + " must be epoch seconds up to year 9999, got " + describe(in.get(name)));
        }
        return Instant.ofEpochSecond(Long.parseLong(text));
    }

    /** A short description of a JSON value for messages: strings quoted, escaped and cut; others by kind. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case STRING -> quote(value.textValue());
            case NUMBER, BOOLEAN -> value.asText().length() > MAX_QUOTED ? "a long number" : value.asText();
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A string as a JSON literal, cut to a readable length, so that hostile input cannot forge log lines. */
    static String quote(String text) {
        String cut = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(cut)) + '"';
    }

    // databind may wrap the parser's exception
    private static boolean causedByConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
