// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.osgi.framework.ServiceReference;

/** Configuration reaches the running bus through ConfigAdmin, from code or from files, without a restart. */
public class ConfigurationIT extends BusInFelix {

    private String status() {
        return shell("threatbus:status");
    }

    private long coreServiceId() throws Exception {
        ServiceReference<?>[] references = context.getServiceReferences("threatbus.bus.impl.BusCore", null);
        return (Long) references[0].getProperty("service.id");
    }

    @Test
    public void busConfigurationChangesThroughConfigAdminApplyWithoutRestart() throws Exception {
        Await.until("bus up", () -> status().contains("outboxes hold 10000 messages, overflow DROP_OLDEST"), this::status);
        long before = coreServiceId();

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("outbox.capacity", 5);
        properties.put("outbox.overflow", "DROP_NEWEST");
        properties.put("inbox.capacity", 4321);
        configurationAdmin.getConfiguration("threatbus.bus", "?").update(properties);

        Await.until("new outbox bounds", () -> status().contains("outboxes hold 5 messages, overflow DROP_NEWEST"),
                this::status);
        Await.until("new inbox bound", () -> status().contains("0 of 4321 messages queued"), this::status);
        assertEquals("the core was not restarted", before, coreServiceId());
    }

    @Test
    public void configurationFilesInTheWatchedFolderReachConfigAdmin() throws Exception {
        Await.until("bus up", () -> status().contains("0 of 10000 messages queued"), this::status);
        long before = coreServiceId();
        Path partial = ThreatBusOptions.deployFolder().resolve("threatbus.bus.cfg.part");

        Files.writeString(partial, "# bus bounds\ninbox.capacity = 2468\npublish.timeout.ms = 250\n");
        Files.move(partial, ThreatBusOptions.deployFolder().resolve("threatbus.bus.cfg"));

        Await.until("file applied", () -> status().contains("0 of 2468 messages queued, publish timeout 250 ms"),
                this::status);
        assertEquals("the core was not restarted", before, coreServiceId());

        Files.delete(ThreatBusOptions.deployFolder().resolve("threatbus.bus.cfg"));

        Await.until("defaults restored", () -> status().contains("0 of 10000 messages queued, publish timeout 1000 ms"),
                this::status);
        assertEquals("the core was not restarted", before, coreServiceId());
    }
}
