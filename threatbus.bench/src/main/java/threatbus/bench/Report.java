// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link LoadResult} for people (aligned lines) and for scripts (one JSON line). */
final class Report {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99.9"};

    private Report() {
    }

    static String human(LoadResult r) {
        LoadConfig c = r.config();
        StringBuilder out = new StringBuilder();
        line(out, "server", c.manage() + ", topic " + c.topic());
        line(out, "messages (N)", c.messages());
        line(out, "subscribers (K)", c.subscribers());
        line(out, "publishers (P)", c.publishers());
        line(out, "mode", c.burst() ? "burst" : format("paced, %s msg/s", number(c.rate())));
        line(out, "target size", c.size() + " B of JSON");
        line(out, "sent", r.sent());
        line(out, "deliveries expected", r.expected());
        line(out, "deliveries received", r.received());
        line(out, "lost", r.lost());
        line(out, "duplicated", r.duplicated());
        line(out, "reordered", r.reordered());
        if (r.foreign() > 0) {
            line(out, "foreign frames", r.foreign() + " (not from this run; ignored)");
        }
        line(out, "elapsed", format("%.3f s (first send to last receive)", r.elapsedSeconds()));
        line(out, "send rate", format("%s msg/s", number(r.sendRate())));
        line(out, "throughput", format("%s msg/s, %s deliveries/s", number(r.messagesPerSecond()),
                number(r.deliveriesPerSecond())));
        for (int i = 0; i < PERCENTILES.length; i++) {
            line(out, "latency " + PERCENTILE_NAMES[i], micros(r.latency().at(PERCENTILES[i])));
        }
        line(out, "latency max", micros(r.latency().max()));
        if (r.hasServer()) {
            line(out, "server pid", c.pid());
            line(out, "server peak RSS", r.serverPeakRssKib() < 0 ? "unavailable"
                    : format("%.1f MB", r.serverPeakRssKib() / 1024.0));
            line(out, "server CPU", Double.isNaN(r.serverCpuSeconds()) ? "unavailable (process gone?)"
                    : cpu(r.serverCpuSeconds(), r.windowSeconds()));
        }
        if (!Double.isNaN(r.clientCpuSeconds())) {
            line(out, "client CPU", cpu(r.clientCpuSeconds(), r.windowSeconds()));
        }
        line(out, "result", r.clean() ? "OK: nothing lost or duplicated" : "FAILED: messages lost or duplicated");
        return out.toString();
    }

    static String json(LoadResult r) {
        LoadConfig c = r.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("manage", c.manage().toString());
        m.put("topic", c.topic());
        m.put("messages", c.messages());
        m.put("subscribers", c.subscribers());
        m.put("publishers", c.publishers());
        m.put("rate", c.rate());
        m.put("size", c.size());
        m.put("sent", r.sent());
        m.put("deliveries_expected", r.expected());
        m.put("deliveries_received", r.received());
        m.put("lost", r.lost());
        m.put("duplicated", r.duplicated());
        m.put("reordered", r.reordered());
        m.put("foreign", r.foreign());
        m.put("elapsed_s", r.elapsedSeconds());
        m.put("send_rate", r.sendRate());
        m.put("messages_per_s", r.messagesPerSecond());
        m.put("deliveries_per_s", r.deliveriesPerSecond());
        m.put("latency_p50_us", r.latency().at(50) / 1e3);
        m.put("latency_p90_us", r.latency().at(90) / 1e3);
        m.put("latency_p99_us", r.latency().at(99) / 1e3);
        m.put("latency_p999_us", r.latency().at(99.9) / 1e3);
        m.put("latency_max_us", r.latency().max() / 1e3);
        m.put("window_s", r.windowSeconds());
        m.put("server_pid", c.pid() == null ? null : Long.parseLong(c.pid()));
        m.put("server_peak_rss_mb", r.hasServer() && r.serverPeakRssKib() >= 0 ? r.serverPeakRssKib() / 1024.0 : null);
        m.put("server_cpu_s", r.hasServer() ? finite(r.serverCpuSeconds()) : null);
        m.put("server_cpu_percent", r.hasServer() ? finite(percent(r.serverCpuSeconds(), r.windowSeconds())) : null);
        m.put("client_cpu_s", finite(r.clientCpuSeconds()));
        m.put("client_cpu_percent", finite(percent(r.clientCpuSeconds(), r.windowSeconds())));
        m.put("ok", r.clean());
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(Json.quote(e.getKey())).append(": ").append(value(e.getValue()));
        }
        return out.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return Json.quote(s);
        }
        if (v instanceof Double d) {
            return format("%.3f", d);
        }
        return v.toString();
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static double percent(double cpuSeconds, double windowSeconds) {
        return windowSeconds > 0 ? 100 * cpuSeconds / windowSeconds : Double.NaN;
    }

    private static String cpu(double cpuSeconds, double windowSeconds) {
        return format("%.2f s, %.0f %% of one core on average over %.2f s", cpuSeconds,
                percent(cpuSeconds, windowSeconds), windowSeconds);
    }

    private static String micros(long nanos) {
        return format("%.1f us", nanos / 1e3);
    }

    private static String number(double d) {
        return format("%,.0f", d);
    }

    private static void line(StringBuilder out, String label, Object value) {
        out.append(format("%-22s%s%n", label, value));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
