// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import threatbus.config.model.Effective;
import threatbus.config.model.PidConfig;
import threatbus.config.model.PluginSpec;

/**
 * Writes an {@link Effective} configuration into ConfigAdmin, touching only the PIDs whose properties differ,
 * so that an unchanged component is neither updated nor restarted. A plugin the config does not name gets a
 * configuration that points its satisfying condition (Declarative Services 1.5) at a condition nobody
 * registers: it stays inactive even when its bundle is installed or updated later, with no race.
 */
final class ConfigApplier {

    static final String CONDITION_TARGET = "osgi.ds.satisfying.condition.target";
    static final String UNSELECTED = "(osgi.condition.id=threatbus.config.unselected)";
    /** Properties ConfigAdmin and FileInstall add, not ours to compare. */
    private static final Set<String> MANAGED = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename");

    private final ConfigurationAdmin admin;

    ConfigApplier(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** @return the PIDs whose configuration changed */
    List<String> apply(Effective effective) throws IOException {
        List<String> changed = new ArrayList<>();
        for (PidConfig config : effective.configs()) {
            // nothing but the component's own keys: components report keys they do not know
            if (update(config.pid(), config.properties())) {
                changed.add(config.pid());
            }
        }
        for (PluginSpec spec : effective.unselected()) {
            if (update(spec.pid(), Map.of(CONDITION_TARGET, UNSELECTED))) {
                changed.add(spec.pid());
            }
        }
        return changed;
    }

    /** Whether the configuration of {@code pid} keeps its component inactive because the config omits it. */
    boolean unselected(String pid) throws IOException {
        Configuration[] found;
        try {
            found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a PID: " + pid, e);
        }
        return found != null && found[0].getProperties() != null
                && UNSELECTED.equals(found[0].getProperties().get(CONDITION_TARGET));
    }

    private boolean update(String pid, Map<String, Object> desired) throws IOException {
        Configuration configuration = admin.getConfiguration(pid, "?");
        Dictionary<String, Object> current = configuration.getProperties();
        if (current != null && same(current, desired)) {
            return false;
        }
        configuration.update(new Hashtable<>(desired));
        return true;
    }

    static boolean same(Dictionary<String, Object> current, Map<String, Object> desired) {
        Map<String, Object> mine = new HashMap<>();
        for (String key : Collections.list(current.keys())) {
            if (!MANAGED.contains(key)) {
                mine.put(key, current.get(key));
            }
        }
        if (!mine.keySet().equals(desired.keySet())) {
            return false;
        }
        return desired.entrySet().stream().allMatch(e -> Objects.deepEquals(e.getValue(), mine.get(e.getKey())));
    }
}
