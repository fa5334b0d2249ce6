// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.io.IOException;

/** CPU time of the server (if a pid was given; NaN once it is gone) and of this JVM, at one instant. */
record Usage(long wallNanos, double serverCpu, long serverPeakRssKib, double clientCpu) {
    static Usage sample(String pid) {
        long wall = System.nanoTime();
        double client = cpu("self");
        if (pid == null) {
            return new Usage(wall, Double.NaN, -1, client);
        }
        long rss;
        try {
            rss = ProcStats.peakRssKib(pid);
        } catch (IOException | RuntimeException gone) {
            rss = -1;
        }
        return new Usage(wall, cpu(pid), rss, client);
    }

    private static double cpu(String pid) {
        try {
            return ProcStats.cpuSeconds(pid);
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }
}
