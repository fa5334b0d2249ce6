// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

/**
 * One thing wrong with (or worth saying about) the configuration, named by its key path.
 *
 * @param path the key path, e.g. {@code plugins.apps.zmq.manage}
 * @param message what is wrong, e.g. {@code expected an integer, got "abc"}
 * @param origin where the offending value came from, if it did not come from the file
 */
public record Problem(String path, String message, Origin origin) {

    Problem(String path, String message) {
        this(path, message, Origin.FILE);
    }

    @Override
    public String toString() {
        String where = origin == null || origin.equals(Origin.FILE) || origin.equals(Origin.DEFAULT)
                ? "" : " (from " + origin + ")";
        return path + ": " + message + where;
    }
}
