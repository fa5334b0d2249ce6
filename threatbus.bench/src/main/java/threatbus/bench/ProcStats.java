// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak memory of a process, read from Linux's /proc. */
final class ProcStats {
    /** USER_HZ: the unit of utime/stime in /proc/PID/stat, 100 on every Linux ABI in use. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** A process id as /proc names it; {@code "self"} is this JVM. */
    static boolean exists(String pid) {
        return Files.isReadable(Path.of("/proc", pid, "stat"));
    }

    /** User plus system CPU time in seconds. */
    static double cpuSeconds(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        // the command name (field 2) is in parentheses and may hold spaces: count from after it
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Peak resident set size (VmHWM) in KiB, or -1 if the kernel does not report it. */
    static long peakRssKib(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
