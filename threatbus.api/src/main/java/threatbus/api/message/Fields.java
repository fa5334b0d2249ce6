// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.internal.CompatJsonWriter;

/** Typed reads of JSON properties with error messages that say what was expected and where. */
final class Fields {

    private static final int MAX_QUOTED = 60;

    private Fields() {
    }

    static ObjectNode object(JsonNode node, String path) throws MessageFormatException {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new MessageFormatException("expected a JSON object, got " + describe(node), path);
    }

    static String requiredText(ObjectNode in, String name, String path) throws MessageFormatException {
        String value = optionalText(in, name, path);
        if (value == null) {
            throw new MessageFormatException("missing required property \"" + name + "\"", path);
        }
        return value;
    }

    /** The string value, or null when absent. */
    static String optionalText(ObjectNode in, String name, String path) throws MessageFormatException {
        JsonNode value = in.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MessageFormatException("\"" + name + "\" must be a string, got " + describe(value),
                    path + "/" + name);
        }
        return value.textValue();
    }

    /** An integer within [min, max], or null when absent. */
    static Long optionalLong(ObjectNode in, String name, long min, long max, String path) throws MessageFormatException {
        JsonNode value = in.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new MessageFormatException("\"" + name + "\" must be an integer from " + min + " to " + max
                    + ", got " + describe(value), path + "/" + name);
        }
        return value.longValue();
    }

    /** An enum constant written as its name, or null when absent. */
    static <E extends Enum<E>> E optionalEnum(ObjectNode in, String name, Class<E> type, String path)
            throws MessageFormatException {
        String text = optionalText(in, name, path);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : " or ").append('"').append(constant.name()).append('"');
        }
        throw new MessageFormatException("\"" + name + "\" must be " + allowed + ", got " + describe(in.get(name)),
                path + "/" + name);
    }

    /** A short description of a JSON value for error messages: strings quoted and cut, others by kind. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case STRING -> {
                String text = value.textValue();
                StringBuilder quoted = new StringBuilder();
                // escaped, so that hostile input cannot forge log lines
                CompatJsonWriter.writeString(text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text,
                        quoted);
                yield quoted.toString();
            }
            case NUMBER -> value.asText().length() > MAX_QUOTED ? "a number" : value.asText();
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> "a " + value.getNodeType().name().toLowerCase();
        };
    }
}
