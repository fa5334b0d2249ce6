// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a JSON tree exactly as Python's {@code json.dumps} does with its defaults, which is what the
 * original Threat Bus put on the wire: {@code ", "} between items, {@code ": "} after keys, every character
 * outside printable ASCII escaped as a lower-case {@code \\uXXXX} (so the output is pure ASCII), and floats
 * in Python's shortest {@code repr} form. Keys are written in the tree's order.
 */
public final class CompatJsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CompatJsonWriter() {
    }

    /** Per-thread scratch space, so that encoding does not grow a fresh buffer for every message. */
    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(2048));
    private static final int MAX_KEPT_SCRATCH = 64 * 1024;

    /** The ASCII bytes of {@code node}. */
    public static byte[] write(JsonNode node) {
        StringBuilder out = scratch();
        write(node, out);
        return bytes(out);
    }

    /**
     * The bytes of an object with the given members first, in the given order (a value from
     * {@code replacements} wins over the object's own), then the object's other members in its order.
     */
    public static byte[] writeOrdered(JsonNode object, List<String> order, Set<String> ordered,
            Map<String, JsonNode> replacements) {
        StringBuilder out = scratch();
        out.append('{');
        boolean first = true;
        for (String name : order) {
            JsonNode value = replacements.isEmpty() ? null : replacements.get(name);
            if (value == null) {
                value = object.get(name);
            }
            if (value != null) {
                first = member(name, value, first, out);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!ordered.contains(field.getKey())) {
                first = member(field.getKey(), field.getValue(), first, out);
            }
        }
        return bytes(out.append('}'));
    }

    private static boolean member(String name, JsonNode value, boolean first, StringBuilder out) {
        if (!first) {
            out.append(", ");
        }
        writeString(name, out);
        out.append(": ");
        write(value, out);
        return false;
    }

    private static StringBuilder scratch() {
        StringBuilder out = SCRATCH.get();
        out.setLength(0);
        return out;
    }

    private static byte[] bytes(StringBuilder out) {
        // all characters are ASCII, so Latin-1 is the same bytes and the cheapest conversion
        byte[] bytes = out.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (out.capacity() > MAX_KEPT_SCRATCH) {
            SCRATCH.remove();
        }
        return bytes;
    }

    /** Appends the JSON text of {@code node}. */
    public static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL, MISSING -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!first) {
                out.append(", ");
            }
            first = false;
            writeString(field.getKey(), out);
            out.append(": ");
            write(field.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    /** Python's {@code ensure_ascii} escaping. */
    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        if (isPlain(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether nothing in {@code s} needs escaping. */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else {
            out.append(pythonFloatRepr(node.decimalValue()));
        }
    }

    /**
     * Python's {@code repr(float(x))}: the shortest digits that round-trip, in fixed notation when the
     * decimal exponent is in [-4, 16), otherwise as {@code d.ddde±XX}.
     */
    static String pythonFloatRepr(BigDecimal value) {
        double d = value.doubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return value.toString(); // out of double range: keep the number as written rather than emit Infinity
        }
        if (d == 0) {
            return value.signum() < 0 || (1 / d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = value.precision() <= 15 ? value : new BigDecimal(Double.toString(d));
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int decimalPoint = digits.length() - shortest.scale(); // value = 0.digits * 10^decimalPoint
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (shortest.signum() < 0) {
            out.append('-');
        }
        if (decimalPoint < -3 || decimalPoint > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = decimalPoint - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (decimalPoint <= 0) {
            out.append("0.").append("0".repeat(-decimalPoint)).append(digits);
        } else if (decimalPoint >= digits.length()) {
            out.append(digits).append("0".repeat(decimalPoint - digits.length())).append(".0");
        } else {
            out.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
        }
        return out.toString();
    }
}
