// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.ZeekHarness.MANAGE;
import static threatbus.app.zeek.ZeekHarness.SIGHTINGS;
import static threatbus.app.zeek.ZeekHarness.T;
import static threatbus.app.zeek.ZeekSightingTest.INTEL_ID;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import threatbus.api.metrics.AppMetrics;
import threatbus.api.metrics.Sample;
import threatbus.app.zeek.ZeekIntake.Rejection;
import threatbus.app.zeek.broker.RejectCause;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/** What the Zeek app reports for scraping, after a real peering sent events and a stranger was turned away. */
class ZeekMetricsSourceTest {

    @Test
    void reportsPeersEventsRejectionsAndRefusedConnections() throws Exception {
        try (ZeekHarness harness = new ZeekHarness()) {
            ZeekTestPeer zeek = harness.peer(List.of(MANAGE));
            zeek.publish(MANAGE, new byte[] {(byte) 0xFF, 0x00});
            zeek.publish(SIGHTINGS, ZeekSightingTest.sighting("Tenzir::sighting", INTEL_ID));
            Await.until("the sighting", T, () -> harness.bus.published.size() == 1);
            try (Socket stranger = new Socket()) {
                stranger.connect(new InetSocketAddress("127.0.0.1", harness.endpoint.broker().port()));
                OutputStream out = stranger.getOutputStream();
                out.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Await.until("the stranger turned away", T, () -> refusedTotal(harness) == 1);
            }

            List<Sample> samples = ZeekMetricsSource.samples(harness.endpoint);

            assertThat(samples).contains(AppMetrics.peers("zeek", 1));
            assertThat(samples).contains(AppMetrics.received("zeek", 2));
            assertThat(samples).contains(AppMetrics.published("zeek", 1));
            assertThat(samples).contains(AppMetrics.rejected("zeek", "UNDECODABLE", 1));
            assertThat(samples).filteredOn(s -> s.name().equals("threatbus_app_rejected_total"))
                    .hasSize(Rejection.values().length);
            assertThat(samples).filteredOn(s -> s.name().equals("threatbus_app_connections_refused_total"))
                    .hasSize(RejectCause.values().length)
                    .extracting(Sample::value).containsOnly(0.0, 1.0);
            assertThat(samples).filteredOn(s -> s.name().equals("threatbus_zeek_subscriptions"))
                    .extracting(Sample::value).containsExactly(0.0);
        }
    }

    private static long refusedTotal(ZeekHarness harness) {
        return harness.endpoint.broker().rejections().values().stream().mapToLong(Long::longValue).sum();
    }
}
