// SPDX-License-Identifier: BSD-3-Clause
/** The intel history: an embedded store of indicators and sightings, snapshots and expiry; private to the bundle. */
package threatbus.store;
