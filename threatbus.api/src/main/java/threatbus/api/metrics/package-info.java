// SPDX-License-Identifier: BSD-3-Clause
/**
 * Metrics a bundle offers for scraping: it registers a {@link threatbus.api.metrics.MetricsSource} service
 * and the metrics endpoint collects every one at each scrape.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package threatbus.api.metrics;
