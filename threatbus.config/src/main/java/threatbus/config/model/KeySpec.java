// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.List;

/**
 * One key of a plugin's section.
 *
 * @param key the key below the section, dotted where the YAML nests ({@code api.host} is {@code api: {host:}})
 * @param property the component's property it sets
 * @param type what it takes
 * @param defaultValue what the component uses when the key is absent, for display; null if nothing
 * @param required whether the section (or, for a nested key, its parent mapping) must set it
 * @param secret whether its value is masked when shown
 */
public record KeySpec(String key, String property, ValueType type, Object defaultValue, boolean required,
        boolean secret) {

    static KeySpec optional(String key, String property, ValueType type, Object defaultValue) {
        return new KeySpec(key, property, type, defaultValue, false, false);
    }

    static KeySpec same(String key, ValueType type, Object defaultValue) {
        return new KeySpec(key, key, type, defaultValue, false, false);
    }

    static KeySpec required(String key, ValueType type) {
        return new KeySpec(key, key, type, null, true, false);
    }

    KeySpec masked() {
        return new KeySpec(key, property, type, defaultValue, required, true);
    }

    KeySpec withDefault(Object value) {
        return new KeySpec(key, property, type, value, required, secret);
    }

    KeySpec mandatory() {
        return new KeySpec(key, property, type, defaultValue, true, secret);
    }

    /** The YAML path below the section. */
    List<String> path() {
        return List.of(key.split("\\."));
    }
}
