// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the RabbitMQ backbone, PID {@value RabbitBackbone#PID}: the original's keys (spec §2.2:
 * {@code host}, {@code port}, {@code username}, {@code password}, {@code vhost}, {@code exchange_name},
 * {@code queue.name_suffix}, ...) with its defaults, plus TLS, connection name and the at-least-once tuning of
 * ours. A double underscore in a method name is a literal underscore in the key, a single one a dot
 * (Declarative Services' rule).
 */
@ObjectClassDefinition(name = "Threat Bus RabbitMQ backbone",
        description = "Shares the stream with other Threat Bus hosts through a RabbitMQ fanout exchange.")
@interface RabbitConfig {

    @AttributeDefinition(name = "Host")
    String host() default "localhost";

    @AttributeDefinition(name = "Port", description = "5672, or 5671 for AMQPS.")
    int port() default 5672;

    @AttributeDefinition(name = "User name")
    String username() default "guest";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password() default "guest";

    @AttributeDefinition(name = "Virtual host")
    String vhost() default "/";

    @AttributeDefinition(name = "Exchange", description = "The fanout exchange all Threat Bus hosts share.")
    String exchange__name() default "threatbus";

    @AttributeDefinition(name = "Queue name suffix",
            description = "The queue is threatbus<join symbol><suffix>; empty means this host's name. "
                    + "Every host needs its own.")
    String queue_name__suffix() default "";

    @AttributeDefinition(name = "Queue name join symbol")
    String queue_name__join__symbol() default ".";

    @AttributeDefinition(name = "Durable queue", description = "Survives a broker restart, with its messages.")
    boolean queue_durable() default true;

    @AttributeDefinition(name = "Lazy queue", description = "x-queue-mode lazy (true) or default (false).")
    boolean queue_lazy() default true;

    @AttributeDefinition(name = "Auto-delete queue")
    boolean queue_auto__delete() default false;

    @AttributeDefinition(name = "Exclusive queue")
    boolean queue_exclusive() default false;

    @AttributeDefinition(name = "Queue length limit", description = "x-max-length; 0 for none.")
    int queue_max__items() default 0;

    @AttributeDefinition(name = "TLS", description = "AMQPS: TLS 1.2 or 1.3 with the JVM's or the given trust.")
    boolean tls() default false;

    @AttributeDefinition(name = "CA certificates (PEM)",
            description = "Trust only brokers whose certificate one of these signed; empty: the JVM's trust store.")
    String tls_ca__file() default "";

    @AttributeDefinition(name = "Client certificate (PKCS#12)",
            description = "A key store with the client certificate and key, for brokers that require one.")
    String tls_keystore() default "";

    @AttributeDefinition(name = "Client key store password", type = AttributeType.PASSWORD)
    String tls_keystore__password() default "";

    @AttributeDefinition(name = "Verify host name", description = "Check the broker's certificate names the host.")
    boolean tls_verify__hostname() default true;

    @AttributeDefinition(name = "Connection name",
            description = "Shown in RabbitMQ's management UI; empty: threatbus@<host name>.")
    String connection_name() default "";

    @AttributeDefinition(name = "Prefetch", description = "Unacknowledged deliveries the broker sends ahead.")
    int prefetch() default 500;

    @AttributeDefinition(name = "Confirm window",
            description = "Published messages awaiting the broker's confirm, at most; 1 waits for every confirm.")
    int confirm_window() default 1000;

    @AttributeDefinition(name = "Duplicate window",
            description = "How many recent messages (STIX id + modified) are remembered to drop redeliveries.")
    int duplicate_window() default 100_000;

    @AttributeDefinition(name = "Dead-letter exchange",
            description = "Undecodable messages go here, with a queue of the same name bound to it.")
    String dead__letter_exchange() default "threatbus.dlx";

    @AttributeDefinition(name = "Reconnect delay (ms)", description = "The first retry; doubled up to the maximum.")
    long reconnect_initial__millis() default 500;

    @AttributeDefinition(name = "Longest reconnect delay (ms)", description = "The original retried every 5 s.")
    long reconnect_max__millis() default 5_000;

    @AttributeDefinition(name = "Service ranking",
            description = "Above the in-memory backbone's 0, so that installing this one switches publishing to it.")
    int service_ranking() default 10;
}
