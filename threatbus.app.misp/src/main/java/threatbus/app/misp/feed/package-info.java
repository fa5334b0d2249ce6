// SPDX-License-Identifier: BSD-3-Clause
/** MISP's attribute feeds: its ZeroMQ publisher and Kafka. Private to this bundle. */
package threatbus.app.misp.feed;
