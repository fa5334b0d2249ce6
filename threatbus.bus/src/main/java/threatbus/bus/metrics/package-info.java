// SPDX-License-Identifier: BSD-3-Clause
/** The bus's counters and gauges as a {@link threatbus.api.metrics.MetricsSource}; private to the bundle. */
package threatbus.bus.metrics;
