// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.util.Arrays;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** The framework's bundles by symbolic name. */
final class Bundles {

    private Bundles() {
    }

    static Optional<Bundle> find(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    static Bundle named(BundleContext context, String symbolicName) {
        return find(context, symbolicName).orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** Starts these bundles (the runtime installs the apps without starting them). */
    static void start(BundleContext context, String... symbolicNames) throws BundleException {
        for (String symbolicName : symbolicNames) {
            named(context, symbolicName).start();
        }
    }
}
