// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One value of one metric.
 *
 * @param name   Prometheus metric name, {@code threatbus_...}; counters end in {@code _total}
 * @param help   one line describing the metric
 * @param type   counter or gauge
 * @param labels label names to values, kept sorted so that output is stable
 * @param value  the value
 */
public record Sample(String name, String help, Type type, Map<String, String> labels, double value) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** The two metric types the bus reports. */
    public enum Type {
        COUNTER, GAUGE
    }

    public Sample {
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name: " + name);
        }
        labels.keySet().forEach(l -> {
            if (!LABEL.matcher(l).matches() || l.startsWith("__")) {
                throw new IllegalArgumentException("invalid label name: " + l);
            }
        });
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public static Sample counter(String name, String help, Map<String, String> labels, double value) {
        return new Sample(name, help, Type.COUNTER, labels, value);
    }

    public static Sample gauge(String name, String help, Map<String, String> labels, double value) {
        return new Sample(name, help, Type.GAUGE, labels, value);
    }
}
