// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist.plugins;

import java.util.Map;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

import threatbus.api.Backbone;
import threatbus.api.ThreatBusConstants;

/**
 * Registers a {@link SecondBackbone} named {@value #NAME} with ranking 10, above inmem's 0, and exposes its
 * published count as a {@link LongSupplier} with {@code threatbus.test=second}.
 */
public final class SecondBackboneActivator implements BundleActivator {

    public static final String NAME = "second";

    @Override
    public void start(BundleContext context) {
        context.registerService(new String[] {Backbone.class.getName(), LongSupplier.class.getName()},
                new SecondBackbone(), FrameworkUtil.asDictionary(Map.of(ThreatBusConstants.BACKBONE_NAME, NAME,
                        Constants.SERVICE_RANKING, 10, "threatbus.test", NAME)));
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
