// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist.plugins;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import threatbus.api.Bus;

/** A plugin that subscribes to {@code stix2/} when it starts and never unsubscribes: the bus must clean up. */
public final class SubscribingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        ServiceReference<Bus> reference = context.getServiceReference(Bus.class);
        context.getService(reference).subscribe("stix2/", message -> { });
    }

    @Override
    public void stop(BundleContext context) {
        // deliberately forgets to unsubscribe
    }
}
