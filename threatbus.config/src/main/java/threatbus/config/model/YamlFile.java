// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses a config file. SnakeYAML resolves scalars by YAML 1.1 as PyYAML, the original's parser, does
 * ({@code yes} and {@code on} are booleans, {@code 0x1F} an integer), so a file means the same to both. Only
 * plain data is built: maps, lists, strings, numbers, booleans, null.
 */
public final class YamlFile {

    private static final int MAX_ALIASES = 50;
    private static final int MAX_CHARS = 1 << 20;

    private YamlFile() {
    }

    /**
     * @param name the file's name, for messages
     * @return the top-level mapping; an empty file is an empty mapping
     * @throws ConfigFileException one line naming the position of the problem
     */
    public static Map<String, Object> parse(String name, String text) throws ConfigFileException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CHARS);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new ConfigFileException(name + ": not valid YAML" + where + ": " + oneLine(problem));
        } catch (YAMLException e) {
            throw new ConfigFileException(name + ": not valid YAML: " + oneLine(e.getMessage()));
        }
        if (document == null) {
            return new LinkedHashMap<>();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigFileException(name + ": expected a mapping of keys (logging:, plugins:) at the top, got "
                    + Values.describe(document));
        }
        try {
            return stringKeys(map);
        } catch (RecursiveAliasException e) {
            throw new ConfigFileException(name + ": not valid here: a YAML alias refers to a collection that "
                    + "contains it (e.g. a: &x [*x]), which no configuration needs");
        }
    }

    /**
     * Copies a YAML tree, turning every key into a string (YAML allows {@code 1:} or {@code yes:} as keys).
     *
     * @throws RecursiveAliasException if a collection contains itself, which YAML anchors can express
     */
    static Map<String, Object> stringKeys(Map<?, ?> map) {
        return copyMap(map, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Like {@link #stringKeys}, for a value of any kind. */
    static Object stringKeysOrValue(Object value) {
        return copyValue(value, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, Set<Object> enclosing) {
        enter(map, enclosing);
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), copyValue(value, enclosing)));
        enclosing.remove(map);
        return copy;
    }

    private static Object copyValue(Object value, Set<Object> enclosing) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, enclosing);
        }
        if (value instanceof List<?> list) {
            enter(list, enclosing);
            List<Object> copy = list.stream().map(v -> copyValue(v, enclosing)).toList();
            enclosing.remove(list);
            return copy;
        }
        return value;
    }

    private static void enter(Object collection, Set<Object> enclosing) {
        if (!enclosing.add(collection)) {
            throw new RecursiveAliasException();
        }
    }

    /** A collection that contains itself: copying it would never end. */
    static final class RecursiveAliasException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecursiveAliasException() {
            super("a YAML alias refers to a collection that contains it", null, false, false);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
