// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.util.List;

/**
 * The outcome of checking a configuration: what to give each component, which plugins stay inactive, and
 * every problem at once.
 *
 * @param configs the core sections and every selected plugin that is implemented here
 * @param unselected the plugins implemented here that the config does not name: they stay inactive
 * @param errors what makes the configuration unusable; if any, nothing may be applied
 * @param warnings what is ignored or cannot take effect yet (a plugin not implemented or not installed)
 * @param notes what is worth saying at INFO (installed plugins left inactive)
 */
public record Effective(List<PidConfig> configs, List<PluginSpec> unselected, List<Problem> errors,
        List<Problem> warnings, List<Problem> notes) {

    public Effective {
        configs = List.copyOf(configs);
        unselected = List.copyOf(unselected);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
