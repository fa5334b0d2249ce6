// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The publish socket on real ZeroMQ sockets: an app that does not read stalls nobody, and loses nothing. */
class PubSocketTest {

    private final ZContext context = new ZContext();

    @AfterEach
    void close() {
        context.close();
    }

    private static void awaitWanted(PubSocket pub, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!pub.wanted(topic)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no subscription to " + topic);
            }
            pub.readSubscriptions();
            Thread.sleep(5);
        }
    }

    @Test
    void anAppThatStopsReadingStallsOnlyItself() throws Exception {
        int port = ZmqConfigs.freePort();
        PubSocket pub = new PubSocket(context, "tcp://127.0.0.1:" + port, 10, ZmqSecurity.NONE);
        ZMQ.Socket stuck = context.createSocket(SocketType.SUB);
        stuck.setRcvHWM(10);
        TestClients.connect(stuck, port);
        stuck.subscribe("stuck".getBytes(StandardCharsets.US_ASCII));
        ZMQ.Socket reader = context.createSocket(SocketType.SUB);
        TestClients.connect(reader, port);
        reader.subscribe("reader".getBytes(StandardCharsets.US_ASCII));
        awaitWanted(pub, "stuckindicator");
        awaitWanted(pub, "readerindicator");

        byte[] big = new byte[100_000];
        System.arraycopy("stuckindicator ".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 15);
        int stuckSent = 0;
        while (pub.trySend(big) && stuckSent < 100_000) {
            stuckSent++;
        }
        assertThat(stuckSent).as("the stuck app's queue filled up").isLessThan(100_000);

        int delivered = 0;
        reader.setReceiveTimeOut(5_000);
        for (int i = 0; i < 1_000; i++) {
            byte[] frame = ("readerindicator " + i).getBytes(StandardCharsets.US_ASCII);
            while (!pub.trySend(frame)) {
                Thread.onSpinWait();
            }
            assertThat(new String(reader.recv(0), StandardCharsets.US_ASCII)).isEqualTo("readerindicator " + i);
            delivered++;
        }

        assertThat(delivered).isEqualTo(1_000);
        // the stuck app finally reads: everything accepted for it arrives, nothing was dropped to make room
        stuck.setReceiveTimeOut(2_000);
        int received = 0;
        while (stuck.recv(0) != null) {
            received++;
        }
        assertThat(received).isEqualTo(stuckSent);
        pub.close();
    }
}
