// SPDX-License-Identifier: BSD-3-Clause
package threatbus.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import threatbus.api.metrics.Sample;

/** Prometheus text exposition format 0.0.4: one HELP and one TYPE line a metric, then its samples. */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String render(List<Sample> samples) {
        // the format wants all samples of one name together, under the first source's help and type
        Map<String, List<Sample>> byName = new LinkedHashMap<>();
        samples.forEach(s -> byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s));
        StringBuilder out = new StringBuilder();
        byName.forEach((name, group) -> {
            Sample first = group.get(0);
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(first.help())).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(first.type().name().toLowerCase(Locale.ROOT))
                    .append('\n');
            group.stream().filter(s -> s.type() == first.type()).forEach(s -> line(out, s));
        });
        return out.toString();
    }

    private static void line(StringBuilder out, Sample s) {
        out.append(s.name());
        if (!s.labels().isEmpty()) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, String> label : s.labels().entrySet()) {
                out.append(sep).append(label.getKey()).append("=\"").append(escapeLabel(label.getValue())).append('"');
                sep = ",";
            }
            out.append('}');
        }
        out.append(' ').append(value(s.value())).append('\n');
    }

    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String escapeLabel(String value) {
        return escapeHelp(value).replace("\"", "\\\"");
    }

    static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
