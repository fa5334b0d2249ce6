// SPDX-License-Identifier: BSD-3-Clause
/** Bridges the OSGi log into the bus's logging; private to the bundle. */
package threatbus.bus.log;
