// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;

/**
 * Logs a repeating problem once per cause until it is cleared, so that a failing peer cannot flood the log.
 * The problems are still counted by whoever reports them.
 */
final class OnceLog {

    private final Logger log;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    OnceLog(Logger log) {
        this.log = log;
    }

    /** Logs at WARN unless {@code cause} is already active. */
    void warn(String cause, String format, Object... args) {
        if (active.add(cause)) {
            log.warn(format, args);
        }
    }

    /** Logs at ERROR unless {@code cause} is already active. */
    void error(String cause, String format, Object... args) {
        if (active.add(cause)) {
            log.error(format, args);
        }
    }

    /** The problem is over; log it again when it comes back. Returns whether it was active. */
    boolean clear(String cause) {
        return active.remove(cause);
    }
}
