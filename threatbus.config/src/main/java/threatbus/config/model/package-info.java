// SPDX-License-Identifier: BSD-3-Clause
/**
 * The configuration itself, free of OSGi: the YAML file, {@code THREATBUS_*} environment overrides and
 * {@code .env}, merged with the origin of every value, checked against the plugins' keys, and mapped to one
 * property map per PID. Private to its bundle.
 */
package threatbus.config.model;
