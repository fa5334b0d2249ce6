// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * Turns the {@link StoreApp} component on unless {@code enabled} is false: a store that is off registers no
 * application at all, rather than one that answers nothing.
 */
@Component(configurationPid = StoreApp.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
public final class StoreSwitch {

    @Activate
    @Modified
    void apply(ComponentContext context, StoreConfig config) {
        if (config.enabled()) {
            context.enableComponent(StoreApp.PID);
        } else {
            context.disableComponent(StoreApp.PID);
        }
    }

    @Deactivate
    void deactivate(ComponentContext context) {
        context.disableComponent(StoreApp.PID);
    }
}
