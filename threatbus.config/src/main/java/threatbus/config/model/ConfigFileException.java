// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

/** The config file cannot be read or is not YAML that describes a mapping; the message says where. */
public final class ConfigFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigFileException(String message) {
        super(message);
    }
}
