// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.List;

/**
 * A section of the config file and the component it configures.
 *
 * @param path the section's key path, e.g. {@code plugins.apps.zmq}; {@code logging} and {@code bus} for the core
 * @param pid the component's PID; null for plugins not implemented here
 * @param bundle the bundle that holds the component, to name when it is missing
 * @param keys every key the section takes
 * @param plugin whether the section selects a plugin (present: active; absent: inactive), as opposed to the
 *     core sections, which always apply
 */
public record PluginSpec(String path, String pid, String bundle, List<KeySpec> keys, boolean plugin) {

    /** The plugin's name, the last segment of its path. */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    public boolean implemented() {
        return pid != null;
    }

    KeySpec key(String key) {
        return keys.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
    }
}
