// SPDX-License-Identifier: BSD-3-Clause
package threatbus.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Threat Bus metrics",
        description = "A Prometheus text-format endpoint with the bus's and the apps' counters and gauges.")
@interface MetricsConfig {

    @AttributeDefinition(name = "Enabled", description = "Off by default: no port is opened unless this is true.")
    boolean enabled() default false;

    @AttributeDefinition(name = "Bind address", description = "Loopback by default; a scraper elsewhere needs 0.0.0.0.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "9464 is the port Prometheus's registry suggests for exporters.")
    int port() default 9464;

    @AttributeDefinition(name = "Path", description = "The path the scraper requests.")
    String path() default "/metrics";
}
