// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.Map;

/**
 * The properties the config sets for one component, and where each came from. Keys it does not set are
 * left out, so that the component's own defaults apply.
 *
 * @param spec the section
 * @param properties property name → value, as ConfigAdmin stores it (String, Integer, Boolean, Double, String[])
 * @param origins property name → where its value came from
 */
public record PidConfig(PluginSpec spec, Map<String, Object> properties, Map<String, Origin> origins) {

    public PidConfig {
        properties = Map.copyOf(properties);
        origins = Map.copyOf(origins);
    }

    public String pid() {
        return spec.pid();
    }
}
