// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;

import org.junit.Test;

/** The Prometheus endpoint: closed without configuration, and scraped over a real socket once turned on. */
public class MetricsIT extends BusInFelix {

    private static final String INDICATOR = "'{\"type\": \"indicator\", \"spec_version\": \"2.1\", "
            + "\"id\": \"indicator--7a2c6e3b-1d2f-4b8c-8c2f-3c8e7d4f0b12\", \"created\": \"2022-05-16T12:00:00.000Z\", "
            + "\"modified\": \"2022-05-16T12:00:00.000Z\", \"pattern\": \"[ipv4-addr:value = '\\''6.6.6.6'\\'']\", "
            + "\"pattern_type\": \"stix\", \"valid_from\": \"2022-05-16T12:00:00.000Z\"}'";

    @Test
    public void withoutConfigurationTheDefaultPortIsClosed() throws Exception {
        Await.until("bus up", () -> shell("threatbus:status").contains("inmem  active"));
        assertTrue("no metrics configuration", configurationAdmin.listConfigurations(
                "(service.pid=threatbus.metrics)") == null);
        assertRefused(InetAddress.getLoopbackAddress(), 9464);
    }

    @Test
    public void turnedOnItServesTheBusCountersOnLoopbackOnly() throws Exception {
        MetricsScrape metrics = MetricsScrape.enable(configurationAdmin);

        String published = shell("threatbus:publish " + INDICATOR);
        assertTrue(published, published.startsWith("published"));

        metrics.awaitLine("threatbus_messages_in_total{topic=\"stix2/indicator\"} 1");
        HttpResponse<String> response = metrics.get();
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body(), response.body().contains("threatbus_backbone_active{backbone=\"inmem\"} 1\n"));

        Optional<InetAddress> external = nonLoopbackAddress();
        if (external.isPresent()) {
            assertRefused(external.get(), metrics.uri.getPort());
        }
    }

    private static void assertRefused(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            fail("something listens on " + address + ":" + port);
        } catch (ConnectException expected) {
            // refused: nothing listens there
        }
    }

    /** An address of this host that is not loopback, to show the endpoint does not answer there. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
