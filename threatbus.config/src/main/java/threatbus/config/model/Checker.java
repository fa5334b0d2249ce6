// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks a merged configuration against the {@link Schema} and maps it to per-PID properties, collecting every
 * problem with its key path instead of stopping at the first. Plugin selection follows the original: a plugin
 * is active only if its key is present.
 */
public final class Checker {

    static final String BOTH_FEEDS = "Either configure the MISP plugin to use ZeroMQ or Kafka, but not both.";

    private final Layers layers;
    private final Predicate<String> installed;
    private final List<PidConfig> configs = new ArrayList<>();
    private final List<PluginSpec> unselected = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> notes = new ArrayList<>();

    private Checker(Layers layers, Predicate<String> installed) {
        this.layers = layers;
        this.installed = installed;
    }

    /**
     * @param installed whether a bundle (by symbolic name) is installed, to tell which plugins can run
     */
    public static Effective check(Layers layers, Predicate<String> installed) {
        Checker checker = new Checker(layers, installed);
        checker.run();
        return new Effective(checker.configs, checker.unselected, checker.errors, checker.warnings, checker.notes);
    }

    private void run() {
        Map<String, Object> tree = layers.tree();
        for (String key : tree.keySet()) {
            if (!List.of("logging", "bus", "metrics", "store", "plugins").contains(key) && !layers.fromEnvironmentOnly(key)) {
                warnings.add(new Problem(key, "not a key Threat Bus reads; ignored"));
            }
        }
        section(Schema.LOGGING, tree.get("logging"));
        section(Schema.BUS, tree.get("bus"));
        section(Schema.METRICS, tree.get("metrics"));
        section(Schema.STORE, tree.get("store"));
        Set<String> selected = new HashSet<>();
        Object plugins = tree.get("plugins");
        Map<String, Object> pluginMap = mapping("plugins", plugins, "a mapping with backbones: and apps:");
        for (String group : Schema.PLUGIN_GROUPS) {
            String name = group.substring("plugins.".length());
            Map<String, Object> members = pluginMap == null ? null
                    : mapping(group, pluginMap.get(name), "a mapping of " + name + " by name");
            if (members == null) {
                continue;
            }
            members.forEach((plugin, value) -> select(group + "." + plugin, value, selected));
            if (group.equals("plugins.backbones") && members.isEmpty()) {
                warnings.add(new Problem(group, "no backbone configured: messages wait in the bus until one is"));
            }
        }
        for (PluginSpec spec : Schema.ALL) {
            if (spec.plugin() && spec.implemented() && !selected.contains(spec.path())) {
                unselected.add(spec);
                if (installed.test(spec.bundle())) {
                    notes.add(new Problem(spec.path(), "Ignoring installed, but unconfigured plugin (bundle "
                            + spec.bundle() + "): it stays inactive"));
                }
            }
        }
    }

    /** The mapping at {@code path}, or null after recording an error when it is missing or not a mapping. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> mapping(String path, Object value, String expected) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        errors.add(new Problem(path, value == null ? "required: " + expected : "expected " + expected + ", got "
                + Values.describe(value), layers.origin(List.of(path.split("\\.")))));
        return null;
    }

    private void select(String path, Object value, Set<String> selected) {
        PluginSpec spec = Schema.byPath(path).orElse(null);
        String kind = path.startsWith("plugins.apps") ? "app" : "backbone";
        if (spec == null) {
            String known = Schema.ALL.stream().filter(s -> s.path().startsWith(path.substring(0, path.lastIndexOf('.'))))
                    .map(PluginSpec::name).collect(Collectors.joining(", "));
            warnings.add(new Problem(path, "there is no " + kind + " plugin of that name (known: " + known
                    + "); ignored"));
            return;
        }
        if (!spec.implemented()) {
            warnings.add(new Problem(path, "the " + spec.name() + " " + kind
                    + " is not implemented by Threat Bus for the JVM; ignored"));
            return;
        }
        selected.add(path);
        if (section(spec, value) && !installed.test(spec.bundle())) {
            warnings.add(new Problem(path, "configured, but bundle " + spec.bundle() + " is not installed; "
                    + "its configuration applies as soon as it is (drop " + spec.bundle() + "-<version>.jar into "
                    + "plugins/)"));
        }
    }

    /** Reads one section into a {@link PidConfig}; false if it had errors. */
    private boolean section(PluginSpec spec, Object value) {
        int errorsBefore = errors.size();
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        Set<String> groups = new HashSet<>();
        if (value != null && !(value instanceof Map<?, ?>)) {
            errors.add(new Problem(spec.path(), "expected a mapping, got " + Values.describe(value),
                    origin(spec.path(), List.of())));
        } else if (value != null) {
            new SectionReader(spec, properties, origins, groups).read(asMap(value), List.of());
        }
        for (KeySpec key : spec.keys()) {
            boolean set = groups.contains(key.key());
            List<String> path = key.path();
            boolean parentPresent = path.size() == 1 || groups.contains(path.get(0));
            if (key.required() && !set && parentPresent) {
                errors.add(new Problem(spec.path() + "." + key.key(), "required"));
            }
        }
        if (spec == Schema.MISP) {
            misp(groups, properties);
        }
        if (errors.size() == errorsBefore) {
            configs.add(new PidConfig(spec, properties, origins));
            return true;
        }
        return false;
    }

    private void misp(Set<String> groups, Map<String, Object> properties) {
        boolean zmq = groups.contains("zmq");
        boolean kafka = groups.contains("kafka");
        if (zmq && kafka) {
            errors.add(new Problem(Schema.MISP.path(), BOTH_FEEDS));
        } else if (!zmq && !kafka) {
            errors.add(new Problem(Schema.MISP.path(), "configure either zmq (host, port) or kafka (topics, config)"));
        } else if (kafka && groups.contains("kafka.config")) {
            for (String required : List.of("bootstrap.servers", "group.id")) {
                if (!properties.containsKey("kafka.config." + required)) {
                    errors.add(new Problem(Schema.MISP.path() + ".kafka.config." + required, "required"));
                }
            }
        }
    }

    private Origin origin(String sectionPath, List<String> keyPath) {
        List<String> path = new ArrayList<>(List.of(sectionPath.split("\\.")));
        path.addAll(keyPath);
        return layers.origin(path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** Walks one section's YAML, matching nested keys against the section's dotted keys. */
    private final class SectionReader {

        private final PluginSpec spec;
        private final Map<String, Object> properties;
        private final Map<String, Origin> origins;
        /** Keys and nested mappings present in the section. */
        private final Set<String> groups;

        SectionReader(PluginSpec spec, Map<String, Object> properties, Map<String, Origin> origins, Set<String> groups) {
            this.spec = spec;
            this.properties = properties;
            this.origins = origins;
            this.groups = groups;
        }

        void read(Map<String, Object> map, List<String> prefix) {
            map.forEach((name, value) -> {
                List<String> path = new ArrayList<>(prefix);
                path.add(name);
                String dotted = String.join(".", path);
                KeySpec key = spec.key(dotted);
                if (key != null) {
                    value(key, path, value);
                } else if (spec.keys().stream().anyMatch(k -> k.key().startsWith(dotted + "."))
                        && (value == null || value instanceof Map<?, ?>)) {
                    groups.add(dotted);
                    read(asMap(value), path);
                } else {
                    errors.add(new Problem(spec.path() + "." + dotted, "unknown key (known: " + known(prefix) + ")",
                            origin(spec.path(), path)));
                }
            });
        }

        /** What was wrong with a value; of a secret key, without the value (a mistyped password is still one). */
        private String shown(ValueType.Rejected rejected, String property) {
            if (!Report.secret(spec, property)) {
                return rejected.message();
            }
            String message = rejected.message();
            int got = message.indexOf(", got ");
            return (got < 0 ? message : message.substring(0, got)) + " (the value of a secret key is not shown)";
        }

        private String known(List<String> prefix) {
            String start = prefix.isEmpty() ? "" : String.join(".", prefix) + ".";
            return spec.keys().stream().map(KeySpec::key).filter(k -> k.startsWith(start))
                    .map(k -> k.substring(start.length()).split("\\.")[0]).distinct().collect(Collectors.joining(", "));
        }

        private void value(KeySpec key, List<String> path, Object value) {
            groups.add(key.key()); // present, even if invalid: not also "required"
            Origin origin = origin(spec.path(), path);
            Object converted = key.type().convert(value);
            if (converted instanceof ValueType.Rejected rejected) {
                errors.add(new Problem(spec.path() + "." + key.key(), shown(rejected, key.property()), origin));
                return;
            }
            if (key.type() != ValueType.STRING_MAP) {
                properties.put(key.property(), converted);
                origins.put(key.property(), origin);
                return;
            }
            asMap(converted).forEach((name, entry) -> {
                List<String> entryPath = new ArrayList<>(path);
                entryPath.add(name);
                Object text = ValueType.STRING.convert(entry);
                if (text instanceof ValueType.Rejected rejected) {
                    errors.add(new Problem(spec.path() + "." + key.key() + "." + name,
                            shown(rejected, key.property() + "." + name), origin(spec.path(), entryPath)));
                } else {
                    properties.put(key.property() + "." + name, text);
                    origins.put(key.property() + "." + name, origin(spec.path(), entryPath));
                }
            });
        }
    }
}
