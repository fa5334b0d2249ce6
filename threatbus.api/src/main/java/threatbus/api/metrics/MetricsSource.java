// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.metrics;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service that reports current counter and gauge values. Called on every scrape, from the scraper's
 * thread: read counters that already exist, never block.
 */
@ConsumerType
public interface MetricsSource {

    /** The current samples; samples of one name share help and type. */
    List<Sample> samples();
}
