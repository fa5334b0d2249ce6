// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The config file with the environment on top, as the original's Dynaconf merged them: a variable
 * {@code THREATBUS_A__B__C} sets key {@code a.b.c} (segments lowercased), typed by {@link EnvValue}; the
 * process environment beats {@code .env}, and both beat the file. Remembers where every value came from.
 */
public final class Layers {

    public static final String PREFIX = "THREATBUS_";

    private final Map<String, Object> tree;
    /** Values not from the file, by key path; a path covers everything below it. */
    private final Map<List<String>, Origin> origins;

    private Layers(Map<String, Object> tree, Map<List<String>, Origin> origins) {
        this.tree = tree;
        this.origins = origins;
    }

    /**
     * @param file the parsed config file
     * @param environment the process environment
     * @param dotEnv the variables of the {@code .env} file
     */
    public static Layers of(Map<String, Object> file, Map<String, String> environment, Map<String, String> dotEnv) {
        Layers layers = new Layers(YamlFile.stringKeys(file), new HashMap<>());
        // sorted, so that a variable for a section comes before those for its keys
        new TreeMap<>(dotEnv).forEach((name, value) -> layers.override(name, value, Origin.dotEnv(name)));
        new TreeMap<>(environment).forEach((name, value) -> layers.override(name, value, Origin.env(name)));
        return layers;
    }

    /** The key path a variable sets, or null if it is not one of ours. */
    static List<String> path(String variable) {
        if (!variable.startsWith(PREFIX) || variable.length() == PREFIX.length()) {
            return null;
        }
        List<String> path = Arrays.stream(variable.substring(PREFIX.length()).split("__", -1))
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return path.stream().anyMatch(String::isEmpty) ? null : path;
    }

    @SuppressWarnings("unchecked")
    private void override(String variable, String raw, Origin origin) {
        List<String> path = path(variable);
        if (path == null) {
            return;
        }
        Map<String, Object> node = tree;
        for (String segment : path.subList(0, path.size() - 1)) {
            Object child = node.get(segment);
            if (!(child instanceof Map<?, ?>)) {
                child = new LinkedHashMap<String, Object>();
                node.put(segment, child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(path.get(path.size() - 1), EnvValue.parse(raw));
        origins.keySet().removeIf(p -> p.size() > path.size() && p.subList(0, path.size()).equals(path));
        origins.put(path, origin);
    }

    /** The merged configuration; do not change it. */
    public Map<String, Object> tree() {
        return tree;
    }

    /** Where the value at {@code path} came from. */
    public Origin origin(List<String> path) {
        for (int n = path.size(); n > 0; n--) {
            Origin origin = origins.get(path.subList(0, n));
            if (origin != null) {
                return origin;
            }
        }
        return Origin.FILE;
    }

    /** Whether a top-level key was set by the environment only (not in the file). */
    boolean fromEnvironmentOnly(String topLevelKey) {
        return origins.containsKey(List.of(topLevelKey));
    }

    /** Variables of ours that set keys, for messages. */
    static List<String> ours(Map<String, String> environment) {
        List<String> names = new ArrayList<>();
        environment.keySet().stream().filter(n -> path(n) != null).sorted().forEach(names::add);
        return names;
    }
}
