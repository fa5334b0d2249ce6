// SPDX-License-Identifier: BSD-3-Clause
/** MISP attribute notifications: parsing, filters, and their mapping to STIX 2.1 indicators. Private to this bundle. */
package threatbus.app.misp.mapping;
