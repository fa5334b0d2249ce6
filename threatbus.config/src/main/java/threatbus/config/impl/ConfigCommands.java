// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import java.util.Collection;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** {@code threatbus:config} and {@code threatbus:reload}. */
@Component(service = ConfigCommands.class, immediate = true, property = {
        "osgi.command.scope=threatbus",
        "osgi.command.function=config",
        "osgi.command.function=reload"})
public final class ConfigCommands {

    private final ConfigService config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime runtime;

    @Activate
    public ConfigCommands(@Reference ConfigService config) {
        this.config = config;
    }

    @Descriptor("show the effective configuration per plugin (secrets masked), where each value came from "
            + "(file, env, .env, default), and each component's state")
    public String config() {
        return config.describe(this::state);
    }

    @Descriptor("read the config file again: apply it if valid (only changed plugins are updated), else keep "
            + "the running configuration and list the errors")
    public String reload() {
        return config.reload();
    }

    /** The state of the component named after a PID, as Declarative Services reports it. */
    String state(String pid) {
        ServiceComponentRuntime scr = runtime;
        if (scr == null) {
            return "?";
        }
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTOs().stream()
                .filter(d -> pid.equals(d.name)).findFirst().orElse(null);
        if (description == null) {
            return "not installed";
        }
        if (!scr.isComponentEnabled(description)) {
            return "disabled";
        }
        Collection<ComponentConfigurationDTO> instances = scr.getComponentConfigurationDTOs(description);
        if (instances.isEmpty()) {
            return "waiting for its configuration";
        }
        ComponentConfigurationDTO instance = instances.iterator().next();
        return switch (instance.state) {
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed: " + instance.failure;
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE ->
                config.unselected(pid) ? "inactive" : "waiting for a service";
            default -> "unsatisfied";
        };
    }
}
