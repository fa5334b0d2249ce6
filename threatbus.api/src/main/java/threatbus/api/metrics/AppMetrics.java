// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.metrics;

import java.util.Locale;
import java.util.Map;

/**
 * The samples every application reports under the same names, told apart by an {@code app} label, so that
 * one query covers all apps: peers connected, inputs received, published, rejected and dropped. An app adds
 * its own {@code threatbus_<app>_...} samples for what only it has.
 */
public final class AppMetrics {

    private AppMetrics() {
    }

    /** Peers connected now: clients of the app's endpoint, or the feed the app reads from (1 or 0). */
    public static Sample peers(String app, long count) {
        return Sample.gauge("threatbus_app_peers", "Peers connected to an app: clients of its endpoint, or the "
                + "feed it reads from.", Map.of("app", app), count);
    }

    /** Inputs (frames, events, feed messages) the app read from its peers, whatever became of them. */
    public static Sample received(String app, long count) {
        return Sample.counter("threatbus_app_received_total", "Inputs an app read from its peers, whatever became "
                + "of them.", Map.of("app", app), count);
    }

    /** Messages the app published onto the bus. */
    public static Sample published(String app, long count) {
        return Sample.counter("threatbus_app_published_total", "Messages an app published onto the bus.",
                Map.of("app", app), count);
    }

    /** Inputs rejected, per reason (an enum constant's name is fine: it is written in lower case). */
    public static Sample rejected(String app, String reason, long count) {
        return Sample.counter("threatbus_app_rejected_total", "Inputs an app rejected, per reason.",
                Map.of("app", app, "reason", reasonLabel(reason)), count);
    }

    /** Connections turned away before they could send anything, per reason (authentication, handshake, ...). */
    public static Sample refused(String app, String reason, long count) {
        return Sample.counter("threatbus_app_connections_refused_total", "Connections an app turned away before "
                + "they could send anything, per reason.", Map.of("app", app, "reason", reasonLabel(reason)), count);
    }

    /** Messages the app dropped on its own side, after the bus had delivered them to it, per reason. */
    public static Sample dropped(String app, String reason, long count) {
        return Sample.counter("threatbus_app_dropped_total", "Messages an app dropped after the bus delivered them "
                + "to it, per reason.", Map.of("app", app, "reason", reasonLabel(reason)), count);
    }

    /** {@code QUEUE_FULL} becomes {@code queue_full}: Prometheus label values are conventionally lower case. */
    static String reasonLabel(String reason) {
        return reason.toLowerCase(Locale.ROOT);
    }
}
