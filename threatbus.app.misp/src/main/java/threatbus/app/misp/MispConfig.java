// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the MISP app, PID {@value MispApp#PID}: the original's {@code plugins.apps.misp} section
 * flattened into keys ({@code api.host}, {@code zmq.port}, {@code kafka.topics}, ...). Kafka client properties
 * are every key that starts with {@code kafka.config.}. A double underscore in a method name is a literal
 * underscore in the key, a single one a dot (Declarative Services' rule).
 */
@ObjectClassDefinition(name = "Threat Bus MISP app",
        description = "MISP's attribute feed (ZeroMQ or Kafka) in; sightings and snapshots over MISP's REST API.")
@interface MispConfig {

    @AttributeDefinition(name = "MISP URL", description = "e.g. https://misp.example.org; empty: no REST API, so "
            + "no sightings to MISP and no snapshots.", required = false)
    String api_host() default "";

    @AttributeDefinition(name = "Verify TLS", description = "false accepts any certificate of the MISP server "
            + "(for this app only), with a warning.", required = false)
    boolean api_ssl() default true;

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false)
    String api_key() default "";

    @AttributeDefinition(name = "Filters", description = "JSON list of filters, e.g. [{\"orgs\": [\"1\"], "
            + "\"tags\": [\"TLP:RED\"], \"types\": [\"ip-src\"]}]; an attribute passes if any filter matches.",
            required = false)
    String filter() default "";

    @AttributeDefinition(name = "ZeroMQ host", description = "MISP's ZeroMQ publisher; set this or kafka.topics.",
            required = false)
    String zmq_host() default "";

    @AttributeDefinition(name = "ZeroMQ port", required = false)
    int zmq_port() default 50000;

    @AttributeDefinition(name = "ZeroMQ username", description = "MISP's ZeroMQ_username, for PLAIN "
            + "authentication.", required = false)
    String zmq_username() default "";

    @AttributeDefinition(name = "ZeroMQ password", type = AttributeType.PASSWORD, required = false)
    String zmq_password() default "";

    @AttributeDefinition(name = "Kafka topics", description = "Topics of MISP's Kafka feed; set this or zmq.host.",
            required = false)
    String[] kafka_topics() default {};

    @AttributeDefinition(name = "Kafka poll interval (s)", required = false)
    double kafka_poll__interval() default 1.0;

    @AttributeDefinition(name = "Published attributes remembered",
            description = "Attribute ids published as indicators that a later delete or edit can withdraw.",
            required = false)
    int remembered_attributes() default 100_000;

    @AttributeDefinition(name = "Sighting queue", description = "Sightings waiting for MISP, at most.",
            required = false)
    int sighting_queue_capacity() default 10_000;

    @AttributeDefinition(name = "Snapshot page size", description = "Attributes fetched per restSearch request.",
            required = false)
    int snapshot_page_size() default 1_000;
}
