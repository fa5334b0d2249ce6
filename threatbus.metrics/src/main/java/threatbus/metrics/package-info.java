// SPDX-License-Identifier: BSD-3-Clause
/** The Prometheus endpoint; private to the bundle, whose only contract is the configuration PID. */
package threatbus.metrics;
