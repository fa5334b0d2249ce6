// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The threatbus:* commands, run as a user types them. */
@ExamReactorStrategy(PerClass.class)
public class ShellIT extends BusInFelix {

    private static final String INDICATOR = "'{\"type\": \"indicator\", \"spec_version\": \"2.1\", "
            + "\"id\": \"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"created\": \"2022-05-16T12:00:00.000Z\", "
            + "\"modified\": \"2022-05-16T12:00:00.000Z\", \"pattern\": \"[ipv4-addr:value = '\\''6.6.6.6'\\'']\", "
            + "\"pattern_type\": \"stix\", \"valid_from\": \"2022-05-16T12:00:00.000Z\"}'";

    @Test
    public void statusShowsTheActiveInmemBackboneInAlignedColumns() {
        String status = shell("threatbus:status");

        assertTrue(status, status.contains("  NAME   STATE   RANKING  SERVICE  BUNDLE\n"));
        assertTrue(status, status.matches("(?s).*\\n  inmem  active        0 +\\d+  threatbus.backbone.inmem\\n.*"));
        assertTrue(status, status.contains("threatbus/snapshotrequest, threatbus/snapshotenvelope"));
    }

    @Test
    public void publishReportsMalformedJsonInOneLineAndTheBusKeepsRunning() {
        String result = shell("threatbus:publish 'not json'");

        assertTrue(result, result.startsWith("error: not published: malformed JSON at line 1, column 1"));
        assertEquals(result, 1, result.strip().lines().count());
        assertTrue(shell("threatbus:status").contains("inmem  active"));
    }

    @Test
    public void publishReportsInvalidStixInOneLine() {
        String result = shell("threatbus:publish " + INDICATOR.replace("'\\''6.6.6.6'\\''", "6.6.6.6"));

        assertTrue(result, result.startsWith("error: not published: \"pattern\" is not a valid STIX pattern"));
        assertEquals(result, 1, result.strip().lines().count());
    }

    @Test
    public void aPublishedIndicatorReachesAWatcher() throws Exception {
        CompletableFuture<String> watched = CompletableFuture.supplyAsync(() -> shell("threatbus:watch stix2/ 1 20"));
        Await.until("the watcher subscribed", () -> shell("threatbus:status").contains("shell"));

        String published = shell("threatbus:publish " + INDICATOR);

        assertEquals("published indicator indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01 on stix2/indicator",
                published);
        String output = watched.get(20, TimeUnit.SECONDS);
        assertTrue(output, output.contains("#1 stix2/indicator {\"type\": \"indicator\""));
        assertTrue(output, output.contains("watched 1 of 1 message(s) on stix2/"));
        assertFalse("the watch ended its subscription", shell("threatbus:status").contains("  shell"));
    }

    @Test
    public void unsubscribeNamesWhatItEnded() {
        String subscribed = shell("threatbus:subscribe stix2/sighting");
        String id = subscribed.replaceAll("(?s)subscribed (s\\d+) .*", "$1");

        assertTrue(subscribed, subscribed.startsWith("subscribed " + id + " to stix2/sighting"));
        assertEquals("unsubscribed " + id + " (shell, [stix2/sighting])", shell("threatbus:unsubscribe " + id));
        assertEquals("error: no subscription " + id, shell("threatbus:unsubscribe " + id));
    }
}
