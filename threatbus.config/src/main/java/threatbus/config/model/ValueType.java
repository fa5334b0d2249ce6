// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The kinds of value a key takes, each turning a YAML (or environment) value into the property value its
 * component reads, or saying why it cannot.
 */
public enum ValueType {
    /** Any scalar, as text. */
    STRING,
    INTEGER,
    /** A TCP port, 1 to 65535. */
    PORT,
    BOOLEAN,
    /** A number; integers are taken too. */
    FLOAT,
    /** A Python logging level: DEBUG, INFO, WARNING, ERROR, CRITICAL. */
    LEVEL,
    /** What a full outbox does: DROP_OLDEST, DROP_NEWEST, BLOCK. */
    OVERFLOW,
    /** A list of scalars, as a String[]. */
    STRING_LIST,
    /** MISP's filter: a list of mappings (orgs, tags, types), written as the JSON the MISP app reads. */
    MISP_FILTER,
    /** A mapping of client properties passed on verbatim, one property each (Kafka's config). */
    STRING_MAP;

    static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
    static final List<String> OVERFLOWS = List.of("DROP_OLDEST", "DROP_NEWEST", "BLOCK");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The converted value, or a {@link Rejected} saying what was expected. */
    Object convert(Object value) {
        switch (this) {
            case STRING:
                return isScalar(value) ? String.valueOf(value) : new Rejected("expected a text, got " + Values.describe(value));
            case INTEGER:
                return integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer");
            case PORT:
                return integer(value, 1, 65_535, "a TCP port (1-65535)");
            case BOOLEAN:
                return value instanceof Boolean ? value : new Rejected("expected true or false, got " + Values.describe(value));
            case FLOAT:
                if (value instanceof Number number && !(value instanceof Byte)) {
                    return number.doubleValue();
                }
                return new Rejected("expected a number, got " + Values.describe(value));
            case LEVEL:
                return oneOf(value, LEVELS);
            case OVERFLOW:
                return oneOf(value, OVERFLOWS);
            case STRING_LIST:
                return stringList(value);
            case MISP_FILTER:
                return mispFilter(value);
            case STRING_MAP:
                return value instanceof Map<?, ?> ? value : new Rejected("expected a mapping, got " + Values.describe(value));
            default:
                throw new IllegalStateException(name());
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static Object integer(Object value, long min, long max, String what) {
        if (!Values.isInteger(value)) {
            return new Rejected("expected an integer, got " + Values.describe(value));
        }
        Number number = (Number) value;
        if (number.longValue() < min || number.longValue() > max || number.toString().length() > 19) {
            return new Rejected("expected " + what + ", got " + value);
        }
        return number.intValue();
    }

    private static Object oneOf(Object value, List<String> allowed) {
        if (value instanceof String s && allowed.contains(s.toUpperCase(Locale.ROOT))) {
            return s.toUpperCase(Locale.ROOT);
        }
        return new Rejected("expected one of " + String.join(", ", allowed) + ", got " + Values.describe(value));
    }

    private static Object stringList(Object value) {
        if (!(value instanceof List<?> list)) {
            return new Rejected("expected a list, got " + Values.describe(value));
        }
        List<String> items = new ArrayList<>();
        for (Object item : list) {
            if (!isScalar(item)) {
                return new Rejected("expected a list of texts, got " + Values.describe(item) + " in it");
            }
            items.add(String.valueOf(item));
        }
        return items.toArray(String[]::new);
    }

    private static Object mispFilter(Object value) {
        if (!(value instanceof List<?> filters)) {
            return new Rejected("expected a list of filters (orgs, tags, types), got " + Values.describe(value));
        }
        for (Object filter : filters) {
            if (!(filter instanceof Map<?, ?> map)) {
                return new Rejected("expected each filter to be a mapping (orgs, tags, types), got "
                        + Values.describe(filter));
            }
            for (String key : List.of("orgs", "tags", "types")) {
                Object entries = map.get(key);
                if (entries != null && !(entries instanceof List<?> l && l.stream().allMatch(ValueType::isScalar))) {
                    return new Rejected("expected " + key + " to be a list, got " + Values.describe(entries));
                }
            }
        }
        try {
            return JSON.writeValueAsString(filters);
        } catch (JsonProcessingException e) {
            return new Rejected("cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** A value that does not fit, and why. */
    record Rejected(String message) {
    }
}
