// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import threatbus.api.metrics.AppMetrics;
import threatbus.api.metrics.Sample;
import threatbus.testing.TestBus;

/** What the zmq app reports for scraping, after real apps subscribed and sent frames over TCP. */
class ZmqMetricsSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] INDICATOR_FRAME = ("stix2/indicator " + FrameDecoderTest.INDICATOR)
            .getBytes(StandardCharsets.UTF_8);

    private final ZContext apps = new ZContext();
    private final TestBus bus = new TestBus();
    private ZmqEndpoint endpoint;

    @AfterEach
    void close() {
        apps.close();
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void reportsPeersFramesAndRejectionsByReason() throws Exception {
        endpoint = new ZmqEndpoint(ZmqConfigs.onFreePorts(Map.of()), bus);
        endpoint.start();
        ZMQ.Socket manage = apps.createSocket(SocketType.REQ);
        manage.setReceiveTimeOut((int) WAIT.toMillis());
        TestClients.connect(manage, endpoint.settings().managePort());
        manage.send("{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\", \"snapshot\": 0}");
        assertThat(manage.recvStr()).contains("\"status\": \"success\"");

        ZMQ.Socket publisher = apps.createSocket(SocketType.PUB);
        publisher.setLinger(0);
        TestClients.connect(publisher, endpoint.settings().subPort());
        // a PUB drops what it sends before the handshake: repeat until the bus has one
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bus.published.isEmpty() && System.nanoTime() < deadline) {
            publisher.send(INDICATOR_FRAME, 0);
            Thread.sleep(20);
        }
        assertThat(bus.published).as("published; %d connections to the sub port, %d frames received",
                endpoint.connections(), endpoint.intake().receivedCount()).isNotEmpty();
        // frames of one connection arrive in order: once the last indicator is published, all are counted
        int publishedBefore = bus.published.size();
        // the intake's socket subscribes stix2/ and threatbus/snapshotenvelope only: other topics never arrive
        publisher.send("stix2/indicator-without-separator".getBytes(StandardCharsets.UTF_8), 0);
        publisher.send("stix2/indicator {not json".getBytes(StandardCharsets.UTF_8), 0);
        publisher.send(INDICATOR_FRAME, 0);
        awaitPublished(publishedBefore + 1);

        List<Sample> samples = ZmqMetricsSource.samples(endpoint);

        assertThat(samples).contains(AppMetrics.peers("zmq", 1));
        assertThat(samples).contains(AppMetrics.published("zmq", publishedBefore + 1));
        assertThat(samples).contains(AppMetrics.received("zmq", publishedBefore + 3));
        assertThat(samples).contains(AppMetrics.rejected("zmq", "NO_SEPARATOR", 1));
        assertThat(samples).contains(AppMetrics.rejected("zmq", "MALFORMED", 1));
        assertThat(samples).contains(AppMetrics.rejected("zmq", "UNKNOWN_TOPIC", 0));
        assertThat(samples).filteredOn(s -> s.name().equals("threatbus_zmq_connections_total"))
                .extracting(Sample::value).containsExactly(1.0);
        assertThat(samples).filteredOn(s -> s.name().equals("threatbus_app_rejected_total"))
                .hasSize(Intake.Rejection.values().length);
    }

    private void awaitPublished(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bus.published.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bus.published).hasSize(count);
    }
}
