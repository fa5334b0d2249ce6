// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * One publisher: sends its range of sequence numbers to the server's sub port, in a burst or at a
 * fixed rate, on its own thread and socket.
 *
 * <p>The socket is an XPUB with NODROP rather than a plain PUB: a PUB silently drops at its high
 * water mark, which would be counted as the server's loss; XPUB NODROP blocks instead, so the
 * client never drops and a slow server shows up as back-pressure. To the server it is a PUB.
 */
final class Publisher implements Runnable {
    /**
     * Small on purpose: with NODROP nothing is lost at any queue size, and a short queue makes a
     * burst go at the pace the server accepts instead of piling messages up in this heap, whose
     * garbage collection made the client the bottleneck and whose queueing dominated latency.
     */
    static final int HWM = 1000;
    private static final long WARMUP_INTERVAL_NANOS = 2_000_000;
    /** How long one blocked send waits before the abort flag is checked again. */
    private static final int SEND_TIMEOUT_MS = 200;

    private final ZContext context;
    private final Endpoint subEndpoint;
    private final int index;
    private final int first;
    private final int end;
    private final double rate;
    private final Phases phases;
    private final IndicatorWriter writer;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger sent = new AtomicInteger();
    private volatile long firstSendNanos;
    private volatile long lastSendNanos;
    private volatile Throwable failure;

    /**
     * @param rate messages per second for this publisher, 0 for as fast as possible
     */
    Publisher(ZContext context, Endpoint subEndpoint, int index, SeqRanges ranges, String topic, int size,
            double rate, Phases phases) {
        this.context = context;
        this.subEndpoint = subEndpoint;
        this.index = index;
        this.first = ranges.start(index);
        this.end = ranges.end(index);
        this.rate = rate;
        this.phases = phases;
        this.writer = new IndicatorWriter(topic, size);
    }

    @Override
    public void run() {
        ZMQ.Socket socket = context.createSocket(SocketType.XPUB);
        try {
            socket.setXpubNoDrop(true);
            socket.setSndHWM(HWM);
            socket.setSendTimeOut(SEND_TIMEOUT_MS);
            socket.setLinger(0);
            Sockets.connect(socket, subEndpoint);
            connected.countDown();
            warmUp(socket);
            if (phases.awaitStart()) {
                send(socket);
            }
            done.countDown();
            phases.awaitOver();
        } catch (ZMQException | IllegalStateException e) {
            if (!phases.aborted()) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connected.countDown();
            done.countDown();
            socket.close();
        }
    }

    /** Sends warm-up messages until told to stop: they open the path before anything is measured. */
    private void warmUp(ZMQ.Socket socket) {
        for (long n = 0; !phases.warmupOver(); n++) {
            writer.prepareWarmup(index, n);
            // a full queue here only delays the warm-up, so no retry
            socket.send(writer.finish(0), ZMQ.DONTWAIT);
            LockSupport.parkNanos(WARMUP_INTERVAL_NANOS);
        }
    }

    private void send(ZMQ.Socket socket) {
        double interval = rate > 0 ? 1e9 / rate : 0;
        long t0 = System.nanoTime();
        firstSendNanos = t0;
        for (int seq = first; seq < end; seq++) {
            writer.prepare(seq);
            if (interval > 0) {
                // deadlines come from the start time, not the previous send, so late sends do not drift
                long deadline = t0 + (long) ((seq - first) * interval);
                long wait;
                while ((wait = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            long now = System.nanoTime();
            byte[] frame = writer.finish(now);
            while (!socket.send(frame, 0)) {
                if (phases.aborted()) {
                    return;
                }
            }
            lastSendNanos = now;
            sent.lazySet(sent.get() + 1);
        }
    }

    void awaitConnected() throws InterruptedException {
        connected.await();
    }

    void awaitDone() throws InterruptedException {
        done.await();
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    int sent() {
        return sent.get();
    }

    int planned() {
        return end - first;
    }

    long firstSendNanos() {
        return firstSendNanos;
    }

    long lastSendNanos() {
        return lastSendNanos;
    }

    Throwable failure() {
        return failure;
    }
}
