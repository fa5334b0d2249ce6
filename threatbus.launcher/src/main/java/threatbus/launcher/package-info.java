// SPDX-License-Identifier: BSD-3-Clause
/** The command line of threatbus.jar; not a bundle's package, never exported. */
package threatbus.launcher;
