// SPDX-License-Identifier: BSD-3-Clause
/** The MISP app: MISP attribute feeds in, sightings and snapshots over MISP's REST API. Private to this bundle. */
package threatbus.app.misp;
