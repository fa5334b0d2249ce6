// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.broker.RecordingHandler.take;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * Thousands of connections throw mutated handshake streams at a live endpoint while a good peer keeps
 * exchanging data with it. {@code -Dthreatbus.fuzz.connections=N} changes the count.
 */
class SocketFuzzTest {

    static final int CONNECTIONS = Integer.getInteger("threatbus.fuzz.connections", 2_000);
    static final Duration T = Duration.ofSeconds(10);

    /** A connector's whole side of a handshake in one stream, in both roles, as mutation seeds. */
    static List<byte[]> streams() {
        List<byte[]> streams = new ArrayList<>();
        byte[] small = ZeekTestPeer.smallId();
        byte[] large = ZeekTestPeer.largeId();
        streams.add(framed(RawWire.hello(small, 1, 1), RawWire.versionSelect(small),
                RawWire.filterMessage(RawWire.ORIGINATOR_SYN, List.of("a", "b")), new byte[] {RawWire.ORIGINATOR_ACK}));
        streams.add(framed(RawWire.hello(large, 1, 1), RawWire.filterMessage(RawWire.RESPONDER_SYN_ACK, List.of())));
        streams.add(framed(RawWire.hello(small, 1, 1),
                RawWire.op(small, new byte[16], RawWire.PING, "<$>", "BYE12345678".getBytes())));
        return streams;
    }

    static byte[] framed(byte[]... payloads) {
        byte[] all = new byte[0];
        for (byte[] p : payloads) {
            byte[] len = {(byte) (p.length >>> 24), (byte) (p.length >>> 16), (byte) (p.length >>> 8),
                    (byte) p.length};
            all = Mutator.concat(all, Mutator.concat(len, p));
        }
        return all;
    }

    @Test
    void endpointSurvivesMutatedStreams() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        BrokerEndpointConfig config = BrokerEndpointConfig.defaults().withPort(0).withSecurity(TransportSecurity.PLAIN)
                .withMaxFrameBytes(4096).withHandshakeTimeout(Duration.ofSeconds(2));
        try (BrokerEndpoint endpoint = new BrokerEndpoint(config, handler);
                ZeekTestPeer good = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, endpoint.port(), goodId(), List.of("out"))) {
            endpoint.subscriptions(Set.of("in"));
            BrokerPeer goodPeer = take(handler.added, T);
            Mutator mutator = new Mutator(7L, streams());
            List<byte[]> inputs = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                inputs.add(mutator.next());
            }
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    done.add(clients.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < CONNECTIONS;) {
                            throwAt(endpoint.port(), inputs.get(i), i % 3 == 0);
                        }
                        return null;
                    }));
                }
                for (int round = 0; !done.stream().allMatch(Future::isDone); round++) {
                    exchange(good, goodPeer, handler, round);
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                clients.shutdownNow();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            exchange(good, goodPeer, handler, -1);
            Await.until("fuzz peers gone", T, () -> endpoint.peers().size() == 1);
            System.out.printf("socket fuzz: %d connections in %d ms; rejections %s%n", CONNECTIONS, millis,
                    endpoint.rejections());
            assertThat(endpoint.peers()).containsExactly(goodPeer);
            assertThat(goodPeer.isClosed()).isFalse();
        }
    }

    /** Any ID but ones the mutated streams use, so that none of them is redundant with the good peer. */
    static byte[] goodId() {
        byte[] id = ZeekTestPeer.largeId();
        id[0] = 0x55;
        return id;
    }

    static void exchange(ZeekTestPeer good, BrokerPeer goodPeer, RecordingHandler handler, int round) throws Exception {
        good.publish("in", new byte[] {(byte) round});
        assertThat(take(handler.data, T).payload()).containsExactly((byte) round);
        assertThat(goodPeer.send("out", new byte[] {(byte) round})).isEqualTo(SendResult.QUEUED);
        assertThat(good.next(RawWire.DATA, T).payload()).containsExactly((byte) round);
    }

    /** Writes the stream, then either half-closes and reads to the end, or just drops the connection. */
    static void throwAt(int port, byte[] stream, boolean abrupt) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(stream);
            out.flush();
            if (abrupt) {
                return;
            }
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // drain until the endpoint closes
            }
        } catch (java.net.SocketException reset) {
            // The endpoint may reset a connection it rejected with our bytes unread.
        }
    }
}
