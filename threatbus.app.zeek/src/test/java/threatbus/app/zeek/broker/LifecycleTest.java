// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static threatbus.app.zeek.broker.RecordingHandler.take;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/** Backpressure, filter changes during handshakes, and closing without hanging. */
class LifecycleTest {

    static final Duration T = Duration.ofSeconds(10);

    static BrokerEndpointConfig plain() {
        return BrokerEndpointConfig.defaults().withPort(0).withSecurity(TransportSecurity.PLAIN);
    }

    @Test
    void fullQueueIsReportedNotWaitedFor() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        BrokerEndpointConfig config = plain().withWriterQueueCapacity(2).withMaxFrameBytes(1 << 20);
        try (BrokerEndpoint endpoint = new BrokerEndpoint(config, handler);
                ZeekTestPeer idle = ZeekTestPeer.raw(ZeekTestPeer.PLAIN, endpoint.port(), ZeekTestPeer.smallId())) {
            // Handshake by hand and then never read again, so that socket buffers and the queue fill up.
            RawWire.readFrame(idle.in);
            RawWire.writeFrame(idle.out, RawWire.hello(idle.id, 1, 1));
            RawWire.readFrame(idle.in);
            RawWire.writeFrame(idle.out, RawWire.versionSelect(idle.id));
            RawWire.writeFrame(idle.out, RawWire.filterMessage(RawWire.ORIGINATOR_SYN, List.of("t")));
            RawWire.readFrame(idle.in);
            RawWire.writeFrame(idle.out, new byte[] {RawWire.ORIGINATOR_ACK});
            BrokerPeer peer = take(handler.added, T);
            byte[] big = new byte[512 * 1024];
            SendResult last = SendResult.QUEUED;
            long start = System.nanoTime();
            for (int i = 0; i < 400 && last == SendResult.QUEUED; i++) {
                last = peer.send("t", big);
                if (last == SendResult.QUEUED) {
                    Thread.onSpinWait();
                }
            }
            assertThat(last).isEqualTo(SendResult.QUEUE_FULL);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(T);
            assertThat(peer.stats().queued()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void filterChangeDuringHandshakeReachesThePeer() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (BrokerEndpoint endpoint = new BrokerEndpoint(plain(), handler);
                ZeekTestPeer zeek = ZeekTestPeer.raw(ZeekTestPeer.PLAIN, endpoint.port(), ZeekTestPeer.largeId())) {
            endpoint.subscriptions(Set.of("old"));
            RawWire.readFrame(zeek.in);
            RawWire.writeFrame(zeek.out, RawWire.hello(zeek.id, 1, 1));
            RawWire.readFrame(zeek.in);
            RawWire.Hs syn = RawWire.parseHs(RawWire.readFrame(zeek.in));
            assertThat(syn.filter()).containsExactly("old");
            endpoint.subscriptions(Set.of("new", "old"));
            RawWire.writeFrame(zeek.out, RawWire.filterMessage(RawWire.RESPONDER_SYN_ACK, List.of()));
            assertThat(RawWire.parseHs(RawWire.readFrame(zeek.in)).tag()).isEqualTo(RawWire.ORIGINATOR_ACK);
            RawWire.Op update = RawWire.parseOp(RawWire.readFrame(zeek.in));
            assertThat(update.type()).isEqualTo(RawWire.ROUTING_UPDATE);
            assertThat(update.payload()).isEqualTo(RawWire.filter(List.of("new", "old")));
        }
    }

    @Test
    void closeEndsPeersAndHandshakesWithoutHanging() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        BrokerEndpoint endpoint = new BrokerEndpoint(plain().withHandshakeTimeout(Duration.ofMinutes(5)), handler);
        ZeekTestPeer a = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, endpoint.port(), ZeekTestPeer.smallId(), List.of());
        ZeekTestPeer b = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, endpoint.port(), ZeekTestPeer.largeId(), List.of());
        Socket stalled = new Socket();
        stalled.connect(new InetSocketAddress("127.0.0.1", endpoint.port()));
        take(handler.added, T);
        take(handler.added, T);
        assertTimeoutPreemptively(Duration.ofSeconds(5), endpoint::close);
        assertThat(take(handler.lost, T).reason()).isEqualTo("endpoint closed");
        assertThat(take(handler.lost, T).reason()).isEqualTo("endpoint closed");
        assertThat(a.awaitClosed(T)).isTrue();
        assertThat(b.awaitClosed(T)).isTrue();
        stalled.setSoTimeout(10_000);
        java.io.InputStream in = stalled.getInputStream();
        in.readNBytes(9); // the probe
        assertThat(in.read()).isEqualTo(-1);
        stalled.close();
        Await.until("endpoint threads gone", T, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("broker-") && t.getName().endsWith("-" + endpoint.port())));
    }
}
