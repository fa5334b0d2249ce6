// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.Test;
import org.osgi.framework.Bundle;

/** Plugins are deployed by dropping their jar into the watched folder, and undeployed by removing it. */
public class HotDeployIT extends BusInFelix {

    private String status() {
        return shell("threatbus:status");
    }

    private boolean installed(String symbolicName) {
        return Bundles.find(context, symbolicName).isPresent();
    }

    @Test
    public void aPluginDroppedIntoTheDeployFolderJoinsTheBusAndLeavesWhenRemoved() throws Exception {
        assertFalse(status().contains("fake"));
        Path jar = ThreatBusOptions.deployFolder().resolve("threatbus.test.fakeapp.jar");
        Path partial = ThreatBusOptions.deployFolder().resolve("threatbus.test.fakeapp.jar.part");

        // copy next to it and move in, as a deployment would, so that no half-written jar is seen
        Files.copy(ThreatBusOptions.stagingFolder().resolve(TestBundles.FAKE_APPLICATION), partial,
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);

        Await.until("the application is on the bus", () -> status().matches("(?s).*\\n  fake\\s+\\d+\\s+threatbus.test.fakeapp\\n.*"),
                this::status);

        Files.delete(jar);

        Await.until("the application left the bus", () -> !status().contains("threatbus.test.fakeapp"), this::status);
        Await.until("the bundle is uninstalled", () -> !installed("threatbus.test.fakeapp"));
    }

    @Test
    public void theSubscriptionsOfAStoppedPluginEndWithIt() throws Exception {
        Bundle plugin = context.installBundle(
                ThreatBusOptions.stagingFolder().resolve(TestBundles.SUBSCRIBER).toUri().toString());

        plugin.start();
        Await.until("its subscription is listed", () -> status().contains("threatbus.test.subscriber  stix2/"),
                this::status);

        plugin.stop();
        Await.until("its subscription ended", () -> !status().contains("threatbus.test.subscriber"), this::status);
    }
}
