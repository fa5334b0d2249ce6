// SPDX-License-Identifier: BSD-3-Clause
/** Applies the configuration to ConfigAdmin, watches the file, drives Logback; private to its bundle. */
package threatbus.config.impl;
