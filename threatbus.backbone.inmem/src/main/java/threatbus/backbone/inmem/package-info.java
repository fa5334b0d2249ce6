// SPDX-License-Identifier: BSD-3-Clause
/** The in-memory backbone; private to its bundle. */
package threatbus.backbone.inmem;
