// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;

import threatbus.api.Application;

/** Starts the container's store on a fresh folder, so that no test sees another's history. */
final class StoreFixture {

    private StoreFixture() {
    }

    static Path start(BundleContext context, ConfigurationAdmin configurationAdmin, CommandProcessor commands)
            throws Exception {
        Path folder = ThreatBusOptions.freshFolder("store");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("path", folder.toString());
        configurationAdmin.getConfiguration("threatbus.store", "?").update(properties);
        Bundles.start(context, "threatbus.store");
        Await.until("the store is an application on the bus", () -> registered(context));
        // ConfigAdmin delivers asynchronously: the store may start on its default folder and move after
        Await.until("the store on its test folder", () -> new Shell(commands).run("threatbus:store")
                .contains(folder.toString()));
        return folder;
    }

    private static boolean registered(BundleContext context) {
        try {
            return !context.getServiceReferences(Application.class, "(threatbus.app.name=store)").isEmpty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
