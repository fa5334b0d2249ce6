// SPDX-License-Identifier: BSD-3-Clause
/** The TAXII 2.1 server over the store's history; private to the bundle. */
package threatbus.app.taxii;
