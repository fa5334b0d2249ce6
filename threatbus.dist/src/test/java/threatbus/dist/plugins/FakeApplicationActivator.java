// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist.plugins;

import java.util.Map;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import threatbus.api.Application;
import threatbus.api.ThreatBusConstants;

/** Registers {@link FakeApplication} as the application {@value #NAME}. */
public final class FakeApplicationActivator implements BundleActivator {

    public static final String NAME = "fake";

    @Override
    public void start(BundleContext context) {
        context.registerService(Application.class, new FakeApplication(),
                FrameworkUtil.asDictionary(Map.of(ThreatBusConstants.APPLICATION_NAME, NAME)));
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
