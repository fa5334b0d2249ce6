// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Runs the client's hot path (build, XPUB send, encode, decode, SUB receive, scan, record) over a
 * private loopback connection before anything is measured. A measured run of 100 000 messages
 * lasts about a second, and a cold JVM spends much of that compiling: the client would then use
 * several times the CPU of the server it measures. The server sees none of this traffic.
 */
final class JitWarmup {
    private static final int MESSAGES = 100_000;
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(3);

    private JitWarmup() {
    }

    /**
     * Waits until the JIT compiler has caught up: on two cores its single optimizing thread
     * otherwise keeps compiling what the warm-up made hot for seconds, during the measured run.
     */
    private static void awaitCompilerIdle() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + MAX_NANOS;
        long last = jit.getTotalCompilationTime();
        int quietRounds = 0;
        while (quietRounds < 3 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            quietRounds = now == last ? quietRounds + 1 : 0;
            last = now;
        }
    }

    /** Returns how many messages went round. */
    static int run(ZContext context, String topic, int size) {
        ZMQ.Socket in = context.createSocket(SocketType.SUB);
        ZMQ.Socket out = context.createSocket(SocketType.XPUB);
        try {
            in.setLinger(0);
            in.setRcvHWM(Receiver.HWM);
            in.setReceiveTimeOut(1000);
            in.subscribe(new byte[0]);
            in.bind("tcp://127.0.0.1:*");
            String bound = in.getLastEndpoint();
            out.setLinger(0);
            out.setXpubNoDrop(true);
            out.setSndHWM(Publisher.HWM);
            out.setSendTimeOut(1000);
            Sockets.connect(out, Endpoint.parse(bound));
            // the subscription has to reach the XPUB first, or it drops everything; a bound
            // socket takes its new connections only when called, hence the events query on it
            out.setReceiveTimeOut(10);
            long subscribed = System.nanoTime() + MAX_NANOS;
            while (out.recv() == null) {
                in.getEvents();
                if (System.nanoTime() - subscribed > 0) {
                    return 0;
                }
            }
            IndicatorWriter writer = new IndicatorWriter(topic, size);
            NameScanner scanner = new NameScanner();
            DeliveryStats stats = new DeliveryStats(new SeqRanges(MESSAGES, 1));
            long deadline = System.nanoTime() + MAX_NANOS;
            int done = 0;
            while (done < MESSAGES && System.nanoTime() - deadline < 0) {
                // small rounds keep the queues (and so the heap) small
                int round = Math.min(1000, MESSAGES - done);
                for (int i = 0; i < round; i++) {
                    writer.prepare(done + i);
                    if (!out.send(writer.finish(System.nanoTime()), 0)) {
                        return done;
                    }
                }
                for (int i = 0; i < round; i++) {
                    byte[] frame = in.recv(0);
                    if (frame == null) {
                        return done;
                    }
                    if (scanner.scan(frame, NameScanner.topicEnd(frame) + 1, frame.length) == NameScanner.MEASURED) {
                        stats.record(scanner.seq, scanner.sendNanos, System.nanoTime());
                    }
                }
                done += round;
            }
            // the statistics code is hot at the end of a run too
            new Percentiles(stats.latencies(), stats.latencyCount()).at(99);
            awaitCompilerIdle();
            return done;
        } finally {
            out.close();
            in.close();
        }
    }
}
