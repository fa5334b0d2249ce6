// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Renders an {@link Effective} configuration for people: the check's verdict and the per-plugin view. */
public final class Report {

    static final String MASK = "****";

    private Report() {
    }

    /** What {@code --check} prints: one line per problem with its key path, then the verdict. */
    public static String check(String file, Effective effective) {
        StringBuilder out = new StringBuilder();
        effective.errors().forEach(p -> out.append("ERROR    ").append(p).append('\n'));
        effective.warnings().forEach(p -> out.append("WARNING  ").append(p).append('\n'));
        effective.notes().forEach(p -> out.append("INFO     ").append(p).append('\n'));
        if (effective.valid()) {
            out.append(file).append(": valid");
        } else {
            out.append(file).append(": invalid, ").append(effective.errors().size())
                    .append(effective.errors().size() == 1 ? " error" : " errors");
        }
        return out.append('\n').toString();
    }

    /**
     * The effective configuration per plugin, every key with its value (secrets masked) and origin.
     *
     * @param state the state of a PID's component, for display
     */
    public static String effective(String file, Effective effective, Function<String, String> state) {
        StringBuilder out = new StringBuilder("config file ").append(file).append('\n');
        for (PidConfig config : effective.configs()) {
            out.append('\n').append(config.spec().path()).append(" -> ").append(config.pid()).append(" [")
                    .append(state.apply(config.pid())).append("]\n");
            for (String[] row : rows(config)) {
                out.append(String.format("  %-28s %-30s %s%n", row[0], row[1], row[2]));
            }
        }
        for (PluginSpec spec : effective.unselected()) {
            out.append('\n').append(spec.path()).append(" -> ").append(spec.pid()).append(" [")
                    .append(state.apply(spec.pid())).append("]: not in the config, inactive\n");
        }
        List<Problem> said = new ArrayList<>(effective.warnings());
        if (!said.isEmpty()) {
            out.append('\n');
            said.forEach(p -> out.append("warning: ").append(p).append('\n'));
        }
        return out.toString();
    }

    /** property, shown value, origin; set keys and then defaults, sorted by property. */
    static List<String[]> rows(PidConfig config) {
        Map<String, String[]> rows = new TreeMap<>();
        for (KeySpec key : config.spec().keys()) {
            if (key.type() == ValueType.STRING_MAP || config.properties().containsKey(key.property())) {
                continue;
            }
            String shown = key.defaultValue() == null ? "(unset)" : String.valueOf(key.defaultValue());
            rows.put(key.property(), new String[] {key.property(), shown, Origin.DEFAULT.toString()});
        }
        config.properties().forEach((property, value) -> rows.put(property, new String[] {property,
                secret(config.spec(), property) ? MASK : show(value), config.origins().get(property).toString()}));
        return new ArrayList<>(rows.values());
    }

    static boolean secret(PluginSpec spec, String property) {
        for (KeySpec key : spec.keys()) {
            if (key.property().equals(property)) {
                return key.secret();
            }
            if (key.type() == ValueType.STRING_MAP && property.startsWith(key.property() + ".")) {
                return property.substring(key.property().length() + 1).matches(
                        "(?i).*(password|secret|jaas|token|key).*");
            }
        }
        return false;
    }

    private static String show(Object value) {
        return value instanceof String[] array ? String.join(", ", array) : String.valueOf(value);
    }
}
