// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Types an environment value as the original's Dynaconf did: the text is read as a TOML value ({@code true},
 * {@code 13370}, {@code 1.5}, {@code "quoted"}, {@code ["a", "b"]}, {@code {}}); what is not one stays a string
 * ({@code 127.0.0.1}, {@code localhost}). Dynaconf's casts {@code @str}, {@code @int}, {@code @float},
 * {@code @bool}, {@code @json} and {@code @none} force a type.
 */
public final class EnvValue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private int at;

    private EnvValue(String text) {
        this.text = text;
    }

    public static Object parse(String raw) {
        String value = raw.strip();
        if (value.startsWith("@")) {
            return cast(value);
        }
        EnvValue parser = new EnvValue(value);
        try {
            Object parsed = parser.value();
            parser.blanks();
            return parser.at == value.length() ? parsed : raw;
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static Object cast(String value) {
        int space = value.indexOf(' ');
        String how = space < 0 ? value : value.substring(0, space);
        String rest = space < 0 ? "" : value.substring(space + 1).strip();
        try {
            return switch (how) {
                case "@str" -> rest;
                case "@int" -> narrow(new BigInteger(rest));
                case "@float" -> Double.parseDouble(rest);
                case "@bool" -> switch (rest.toLowerCase()) {
                    case "true", "t", "yes", "y", "on", "1", "enabled" -> true;
                    default -> false;
                };
                case "@json" -> YamlFile.stringKeysOrValue(JSON.readValue(rest, Object.class));
                case "@none" -> null;
                default -> value;
            };
        } catch (NumberFormatException | JsonProcessingException e) {
            return rest;
        }
    }

    private Object value() {
        blanks();
        if (at >= text.length()) {
            throw new IllegalArgumentException("empty");
        }
        char c = text.charAt(at);
        if (c == '"' || c == '\'') {
            return string(c);
        }
        if (c == '[') {
            return array();
        }
        if (c == '{') {
            return table();
        }
        int start = at;
        while (at < text.length() && ",]} \t".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return scalar(text.substring(start, at));
    }

    private static Object scalar(String token) {
        switch (token) {
            case "true":
                return true;
            case "false":
                return false;
            case "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan":
                return Double.NaN;
            default:
                break;
        }
        if (token.matches("[+-]?(0|[1-9](_?[0-9])*)")) {
            return narrow(new BigInteger(token.replace("_", "")));
        }
        if (token.matches("0x[0-9a-fA-F](_?[0-9a-fA-F])*")) {
            return narrow(new BigInteger(token.substring(2).replace("_", ""), 16));
        }
        if (token.matches("0o[0-7](_?[0-7])*")) {
            return narrow(new BigInteger(token.substring(2).replace("_", ""), 8));
        }
        if (token.matches("0b[01](_?[01])*")) {
            return narrow(new BigInteger(token.substring(2).replace("_", ""), 2));
        }
        if (token.matches("[+-]?(0|[1-9](_?[0-9])*)(\\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?")) {
            return Double.parseDouble(token.replace("_", ""));
        }
        throw new IllegalArgumentException("not a TOML value: " + token);
    }

    private static Object narrow(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && quote == '"') {
                out.append(escape());
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private String escape() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("dangling escape");
        }
        char c = text.charAt(at++);
        switch (c) {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'b': return "\b";
            case 'f': return "\f";
            case '"': return "\"";
            case '\\': return "\\";
            case 'u', 'U':
                int digits = c == 'u' ? 4 : 8;
                if (at + digits > text.length()) {
                    throw new IllegalArgumentException("short unicode escape");
                }
                int code = Integer.parseInt(text.substring(at, at + digits), 16);
                at += digits;
                return new String(Character.toChars(code));
            default:
                throw new IllegalArgumentException("unknown escape \\" + c);
        }
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        at++;
        blanks();
        while (at < text.length() && text.charAt(at) != ']') {
            items.add(value());
            if (!separator()) {
                break;
            }
        }
        expect(']');
        return items;
    }

    private Map<String, Object> table() {
        Map<String, Object> entries = new LinkedHashMap<>();
        at++;
        blanks();
        while (at < text.length() && text.charAt(at) != '}') {
            String key;
            if (text.charAt(at) == '"' || text.charAt(at) == '\'') {
                key = string(text.charAt(at));
            } else {
                int start = at;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_-.".indexOf(text.charAt(at)) >= 0)) {
                    at++;
                }
                key = text.substring(start, at);
            }
            blanks();
            expect('=');
            entries.put(key, value());
            if (!separator()) {
                break;
            }
        }
        expect('}');
        return entries;
    }

    /** After an item: skips a comma and blanks; false if no comma follows. */
    private boolean separator() {
        blanks();
        if (at < text.length() && text.charAt(at) == ',') {
            at++;
            blanks();
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }

    private void blanks() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }
}
