// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.broker.RecordingHandler.take;

import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * Bad input closes only the connection it came on, with Broker's drop_conn where Broker sends one, while a
 * well-behaved peer on the same endpoint keeps exchanging data.
 */
class HostileInputTest {

    static final Duration T = Duration.ofSeconds(10);

    RecordingHandler handler = new RecordingHandler();
    BrokerEndpoint endpoint;
    ZeekTestPeer good;
    BrokerPeer goodPeer;
    int exchanged;

    @BeforeEach
    void start() throws Exception {
        endpoint = new BrokerEndpoint(BrokerEndpointConfig.defaults().withPort(0)
                .withSecurity(TransportSecurity.PLAIN).withMaxFrameBytes(4096)
                .withHandshakeTimeout(Duration.ofMillis(700)), handler);
        endpoint.subscriptions(Set.of("in/"));
        good = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, endpoint.port(), ZeekTestPeer.largeId(), List.of("out/"));
        goodPeer = take(handler.added, T);
        assertGoodPeerServes();
    }

    @AfterEach
    void stop() throws IOException {
        good.close();
        endpoint.close();
    }

    /** One message each way on the good peering. */
    void assertGoodPeerServes() throws Exception {
        int n = ++exchanged;
        good.publish("in/" + n, new byte[] {(byte) n});
        assertThat(take(handler.data, T).topic()).isEqualTo("in/" + n);
        assertThat(goodPeer.send("out/" + n, new byte[] {(byte) n})).isEqualTo(SendResult.QUEUED);
        assertThat(good.next(RawWire.DATA, T).topic()).isEqualTo("out/" + n);
    }

    ZeekTestPeer rawAfterProbe() throws IOException {
        ZeekTestPeer raw = ZeekTestPeer.raw(ZeekTestPeer.PLAIN, endpoint.port(), ZeekTestPeer.smallId());
        RawWire.Hs probe = RawWire.parseHs(RawWire.readFrame(raw.in));
        assertThat(probe.tag()).isEqualTo(RawWire.PROBE);
        return raw;
    }

    static RawWire.Hs readDropConn(ZeekTestPeer raw) throws IOException {
        RawWire.Hs drop = RawWire.parseHs(RawWire.readFrame(raw.in));
        assertThat(drop.tag()).isEqualTo(RawWire.DROP_CONN);
        assertThat(drop.magic()).isEqualTo(RawWire.MAGIC);
        return drop;
    }

    static void assertClosed(ZeekTestPeer raw) {
        try {
            assertThat(raw.in.read()).isEqualTo(-1);
        } catch (SocketException reset) {
            // Also fine: the endpoint closed with our unread bytes pending.
        } catch (IOException e) {
            throw new AssertionError("connection still open", e);
        }
    }

    void assertRejected(RejectCause cause) throws InterruptedException {
        Await.until(cause + " counted", T, () -> endpoint.rejections().get(cause) == 1);
    }

    @Test
    void wrongMagic() throws Exception {
        try (ZeekTestPeer raw = rawAfterProbe()) {
            byte[] hello = RawWire.hello(raw.id, 1, 1);
            hello[1] = 0x00;
            RawWire.writeFrame(raw.out, hello);
            assertThat(readDropConn(raw).v1()).isEqualTo(38);
            assertClosed(raw);
        }
        assertRejected(RejectCause.WRONG_MAGIC);
        assertGoodPeerServes();
    }

    @Test
    void unsupportedVersion() throws Exception {
        try (ZeekTestPeer raw = rawAfterProbe()) {
            RawWire.writeFrame(raw.out, RawWire.hello(raw.id, 200, 201));
            assertThat(readDropConn(raw).v1()).isEqualTo(2);
            assertClosed(raw);
        }
        assertRejected(RejectCause.INCOMPATIBLE_VERSION);
        assertGoodPeerServes();
    }

    @Test
    void garbageMessage() throws Exception {
        try (ZeekTestPeer raw = rawAfterProbe()) {
            RawWire.writeFrame(raw.out, new byte[] {(byte) 0xFF, 1, 2, 3});
            assertThat(readDropConn(raw).v1()).isEqualTo(20);
            assertClosed(raw);
        }
        assertRejected(RejectCause.MALFORMED);
        assertGoodPeerServes();
    }

    @Test
    void oversizedFrame() throws Exception {
        try (ZeekTestPeer raw = rawAfterProbe()) {
            raw.out.writeInt(4097);
            raw.out.write(new byte[64]);
            raw.out.flush();
            assertClosed(raw);
        }
        assertRejected(RejectCause.FRAMING);
        assertGoodPeerServes();
    }

    @Test
    void zeroLengthFrame() throws Exception {
        try (ZeekTestPeer raw = rawAfterProbe()) {
            raw.out.writeInt(0);
            raw.out.flush();
            assertClosed(raw);
        }
        assertRejected(RejectCause.FRAMING);
        assertGoodPeerServes();
    }

    @Test
    void truncatedFrame() throws Exception {
        try (ZeekTestPeer raw = rawAfterProbe()) {
            raw.out.write(ByteBuffer.allocate(14).putInt(23).put(RawWire.hello(raw.id, 1, 1), 0, 10).array());
            raw.out.flush();
            raw.socket.shutdownOutput();
            assertClosed(raw);
        }
        assertRejected(RejectCause.FRAMING);
        assertGoodPeerServes();
    }

    @Test
    void slowlorisTimesOut() throws Exception {
        try (ZeekTestPeer raw = rawAfterProbe()) {
            // Half a hello, then nothing: the handshake timeout closes the connection.
            raw.out.write(new byte[] {0, 0, 0, 23, 6, 0x5a});
            raw.out.flush();
            assertClosed(raw);
        }
        assertRejected(RejectCause.TIMEOUT);
        assertGoodPeerServes();
    }

    @Test
    void unexpectedMessageEndsHandshake() throws Exception {
        try (ZeekTestPeer raw = rawAfterProbe()) {
            RawWire.writeFrame(raw.out, new byte[] {RawWire.ORIGINATOR_ACK});
            assertClosed(raw);
        }
        assertRejected(RejectCause.UNEXPECTED_MESSAGE);
        assertGoodPeerServes();
    }

    @Test
    void redundantConnectionIsDropped() throws Exception {
        // The good peer has the larger ID, so we originate: Broker's originator sends redundant_connection.
        try (ZeekTestPeer again = rawAfterProbe()) {
            RawWire.writeFrame(again.out, RawWire.hello(ZeekTestPeer.largeId(), 1, 1));
            assertThat(readDropConn(again).v1()).isEqualTo(39);
            assertClosed(again);
        }
        assertRejected(RejectCause.REDUNDANT_CONNECTION);
        assertGoodPeerServes();
    }

    @Test
    void malformedEnvelopeIsSkippedLikeBroker() throws Exception {
        good.send(new byte[] {1, 2, 3});
        good.send(RawWire.op(good.id, new byte[16], 9, "x", new byte[0]));
        assertGoodPeerServes();
        assertThat(goodPeer.stats().malformedIgnored()).isEqualTo(2);
    }

    @Test
    void oversizedFrameAfterHandshakeClosesOnlyThatPeer() throws Exception {
        try (ZeekTestPeer other = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, endpoint.port(), ZeekTestPeer.smallId(), List.of())) {
            BrokerPeer otherPeer = take(handler.added, T);
            other.out.writeInt(1 << 20);
            other.out.flush();
            assertThat(other.awaitClosed(T)).isTrue();
            RecordingHandler.Lost lost = take(handler.lost, T);
            assertThat(lost.peer()).isSameAs(otherPeer);
            assertThat(lost.reason()).startsWith("protocol error");
        }
        assertGoodPeerServes();
    }

    @Test
    void severalPeersAtOnce() throws Exception {
        int peers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(peers);
        try {
            List<Future<ZeekTestPeer>> futures = new ArrayList<>();
            for (int i = 0; i < peers; i++) {
                byte[] id = (i % 2 == 0 ? ZeekTestPeer.smallId() : ZeekTestPeer.largeId()).clone();
                id[7] = (byte) i;
                futures.add(pool.submit(() -> ZeekTestPeer.peer(ZeekTestPeer.PLAIN, endpoint.port(), id, List.of("out/"))));
            }
            List<ZeekTestPeer> zeeks = new ArrayList<>();
            for (Future<ZeekTestPeer> f : futures) {
                zeeks.add(f.get());
            }
            Await.until("all peers added", T, () -> endpoint.peers().size() == peers + 1);
            for (BrokerPeer p : endpoint.peers()) {
                if (p == goodPeer) {
                    continue;
                }
                assertThat(p.send("out/all", new byte[] {1})).isEqualTo(SendResult.QUEUED);
            }
            for (ZeekTestPeer z : zeeks) {
                assertThat(z.next(RawWire.DATA, T).topic()).isEqualTo("out/all");
                z.publish("in/" + z.id[7], new byte[] {2});
            }
            for (int i = 0; i < peers; i++) {
                take(handler.data, T);
            }
            for (ZeekTestPeer z : zeeks) {
                z.close();
            }
            Await.until("peers gone", T, () -> endpoint.peers().size() == 1);
        } finally {
            pool.shutdownNow();
        }
        assertGoodPeerServes();
    }
}
