// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.util.List;

/** Every figure of one load run, summed over subscribers; latencies in nanoseconds. */
record LoadResult(
        LoadConfig config,
        long sent,
        long expected,
        long received,
        long lost,
        long duplicated,
        long reordered,
        long foreign,
        double elapsedSeconds,
        double sendSeconds,
        Percentiles latency,
        double windowSeconds,
        double serverCpuSeconds,
        long serverPeakRssKib,
        double clientCpuSeconds) {

    static LoadResult of(LoadConfig config, List<Receiver> receivers, List<Publisher> publishers,
            Usage before, Usage after) {
        long sent = 0;
        long firstSend = Long.MAX_VALUE;
        long lastSend = Long.MIN_VALUE;
        for (Publisher p : publishers) {
            sent += p.sent();
            if (p.sent() > 0) {
                firstSend = Math.min(firstSend, p.firstSendNanos());
                lastSend = Math.max(lastSend, p.lastSendNanos());
            }
        }
        long received = 0;
        long lost = 0;
        long duplicated = 0;
        long reordered = 0;
        long foreign = 0;
        long lastReceive = Long.MIN_VALUE;
        int latencies = 0;
        for (Receiver r : receivers) {
            DeliveryStats s = r.stats();
            received += s.received();
            lost += s.lost();
            duplicated += s.duplicated();
            reordered += s.reordered();
            foreign += s.foreign();
            latencies += s.latencyCount();
            if (s.received() > 0) {
                lastReceive = Math.max(lastReceive, s.lastReceive());
            }
        }
        long[] all = new long[latencies];
        int at = 0;
        for (Receiver r : receivers) {
            System.arraycopy(r.stats().latencies(), 0, all, at, r.stats().latencyCount());
            at += r.stats().latencyCount();
        }
        boolean any = sent > 0 && received > 0;
        return new LoadResult(
                config,
                sent,
                (long) config.messages() * receivers.size(),
                received,
                lost,
                duplicated,
                reordered,
                foreign,
                any ? LoadRun.seconds(lastReceive - firstSend) : 0,
                sent > 0 ? LoadRun.seconds(lastSend - firstSend) : 0,
                new Percentiles(all, latencies),
                LoadRun.seconds(after.wallNanos() - before.wallNanos()),
                after.serverCpu() - before.serverCpu(),
                after.serverPeakRssKib(),
                after.clientCpu() - before.clientCpu());
    }

    /** Messages through the bus per second: deliveries per subscriber over the elapsed time. */
    double messagesPerSecond() {
        return rate(received / (double) config.subscribers());
    }

    double deliveriesPerSecond() {
        return rate(received);
    }

    /** How fast the publishers got their messages out (the offered load in a paced run). */
    double sendRate() {
        return sendSeconds > 0 ? sent / sendSeconds : 0;
    }

    boolean clean() {
        return lost == 0 && duplicated == 0;
    }

    boolean hasServer() {
        return config.pid() != null;
    }

    private double rate(double count) {
        return elapsedSeconds > 0 ? count / elapsedSeconds : 0;
    }
}
