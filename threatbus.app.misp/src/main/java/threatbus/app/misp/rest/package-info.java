// SPDX-License-Identifier: BSD-3-Clause
/** MISP's REST API: sightings and attribute searches. Private to this bundle. */
package threatbus.app.misp.rest;
