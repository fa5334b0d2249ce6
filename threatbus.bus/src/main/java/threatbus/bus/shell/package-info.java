// SPDX-License-Identifier: BSD-3-Clause
/** The {@code threatbus:*} commands of the Gogo shell; private to the bundle. */
package threatbus.bus.shell;
