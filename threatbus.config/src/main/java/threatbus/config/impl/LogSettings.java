// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import java.util.Locale;

/**
 * The logging section in Logback's terms: Python's levels mapped (WARNING is WARN; Logback has no CRITICAL,
 * so it is ERROR).
 */
record LogSettings(boolean console, String consoleLevel, boolean file, String fileLevel, String filename) {

    /** The original's line format: {@code %(asctime)s %(levelname)-8s [%(name)s] %(message)s}. */
    static final String PATTERN = "%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} %-8replace(%level){'^WARN$', 'WARNING'} "
            + "[%logger{0}] %msg%n";

    static String level(String python) {
        return switch (python.toUpperCase(Locale.ROOT)) {
            case "WARNING" -> "WARN";
            case "CRITICAL" -> "ERROR";
            case "DEBUG", "INFO", "ERROR" -> python.toUpperCase(Locale.ROOT);
            default -> "INFO";
        };
    }

    /** The root logger's level: the more verbose of the enabled outputs, as the original set it. */
    String rootLevel() {
        if (!console && !file) {
            return "OFF";
        }
        if (!console) {
            return fileLevel;
        }
        if (!file) {
            return consoleLevel;
        }
        return rank(consoleLevel) <= rank(fileLevel) ? consoleLevel : fileLevel;
    }

    private static int rank(String level) {
        return switch (level) {
            case "DEBUG" -> 0;
            case "INFO" -> 1;
            case "WARN" -> 2;
            default -> 3;
        };
    }
}
