// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * One subscriber: a SUB socket on the server's pub port, subscribed to its p2p topic, drained by
 * its own thread. The socket is created, used and closed on that thread, as ZeroMQ requires.
 */
final class Receiver implements Runnable {
    /** Client-side queue bound: high enough that this side never drops. */
    static final int HWM = 1_000_000;
    private static final int POLL_MS = 100;

    private final ZContext context;
    private final Endpoint pubEndpoint;
    private final String p2p;
    private final DeliveryStats stats;
    private final NameScanner scanner = new NameScanner();
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Throwable failure;

    /** Warm-up messages seen per publisher, and when the last one came (for the quiet period). */
    private final AtomicLongArray warmups;
    private final AtomicLong lastWarmupNanos = new AtomicLong();

    Receiver(ZContext context, Endpoint pubEndpoint, String p2p, SeqRanges ranges) {
        this.context = context;
        this.pubEndpoint = pubEndpoint;
        this.p2p = p2p;
        this.stats = new DeliveryStats(ranges);
        this.warmups = new AtomicLongArray(ranges.publishers());
    }

    @Override
    public void run() {
        ZMQ.Socket socket = context.createSocket(SocketType.SUB);
        try {
            socket.setRcvHWM(HWM);
            socket.setLinger(0);
            socket.setReceiveTimeOut(POLL_MS);
            Sockets.connect(socket, pubEndpoint);
            socket.subscribe(p2p.getBytes(StandardCharsets.UTF_8));
            connected.countDown();
            while (!stopping) {
                byte[] frame = socket.recv(0);
                if (frame != null) {
                    handle(frame, System.nanoTime());
                }
            }
        } catch (ZMQException | IllegalStateException e) {
            if (!stopping) {
                failure = e;
            }
        } finally {
            connected.countDown();
            socket.close();
        }
    }

    private void handle(byte[] frame, long now) {
        int json = NameScanner.topicEnd(frame) + 1;
        if (json == 0) {
            stats.recordForeign();
            return;
        }
        switch (scanner.scan(frame, json, frame.length)) {
            case NameScanner.MEASURED -> stats.record(scanner.seq, scanner.sendNanos, now);
            case NameScanner.WARMUP -> {
                int p = scanner.warmupPublisher;
                if (p >= 0 && p < warmups.length()) {
                    warmups.lazySet(p, warmups.get(p) + 1);
                }
                lastWarmupNanos.lazySet(now);
            }
            default -> stats.recordForeign();
        }
    }

    String p2p() {
        return p2p;
    }

    DeliveryStats stats() {
        return stats;
    }

    void awaitConnected() throws InterruptedException {
        connected.await();
    }

    /** True once a warm-up message of every publisher came through. */
    boolean warmedUp() {
        for (int p = 0; p < warmups.length(); p++) {
            if (warmups.get(p) == 0) {
                return false;
            }
        }
        return true;
    }

    long lastWarmupNanos() {
        return lastWarmupNanos.get();
    }

    void stop() {
        stopping = true;
    }

    Throwable failure() {
        return failure;
    }
}
