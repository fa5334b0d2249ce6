// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

/**
 * Where a value came from: the config file, an environment variable, the {@code .env} file, or the plugin's
 * default.
 *
 * @param kind {@code file}, {@code env}, {@code .env} or {@code default}
 * @param detail the variable's name for {@code env} and {@code .env}, else empty
 */
public record Origin(String kind, String detail) {

    public static final Origin FILE = new Origin("file", "");
    public static final Origin DEFAULT = new Origin("default", "");

    static Origin env(String variable) {
        return new Origin("env", variable);
    }

    static Origin dotEnv(String variable) {
        return new Origin(".env", variable);
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? kind : kind + " " + detail;
    }
}
