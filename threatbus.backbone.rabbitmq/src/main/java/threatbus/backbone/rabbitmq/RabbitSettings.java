// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated configuration, and the names and arguments derived from it exactly as the original derives
 * them (spec §2.2), so that a Python Threat Bus and this one declare the same topology.
 */
record RabbitSettings(
        String host, int port, String username, String password, String vhost,
        String exchange, String queueSuffix, String joinSymbol,
        boolean durable, boolean lazy, boolean autoDelete, boolean exclusive, int maxItems,
        boolean tls, String caFile, String keystore, String keystorePassword, boolean verifyHostname,
        String connectionName, int prefetch, int confirmWindow, int duplicateWindow, String deadLetterExchange,
        long reconnectInitialMillis, long reconnectMaxMillis) {

    /** Validates {@code c}; an invalid value fails with a message naming the key. */
    static RabbitSettings from(RabbitConfig c) {
        require(!c.host().isBlank(), "host must not be empty");
        require(c.port() > 0 && c.port() < 65_536, "port must be 1..65535, got " + c.port());
        require(!c.exchange__name().isBlank(), "exchange_name must not be empty");
        require(c.queue_max__items() >= 0, "queue.max_items must not be negative, got " + c.queue_max__items());
        require(c.prefetch() > 0 && c.prefetch() <= 65_535, "prefetch must be 1..65535, got " + c.prefetch());
        require(c.confirm_window() > 0, "confirm.window must be at least 1, got " + c.confirm_window());
        require(c.duplicate_window() > 0, "duplicate.window must be at least 1, got " + c.duplicate_window());
        require(!c.dead__letter_exchange().isBlank(), "dead_letter.exchange must not be empty");
        require(!c.dead__letter_exchange().equals(c.exchange__name()),
                "dead_letter.exchange must differ from exchange_name");
        require(c.reconnect_initial__millis() > 0, "reconnect.initial_millis must be positive");
        require(c.reconnect_max__millis() >= c.reconnect_initial__millis(),
                "reconnect.max_millis must be at least reconnect.initial_millis");
        require(c.tls() || (c.tls_ca__file().isEmpty() && c.tls_keystore().isEmpty()),
                "tls.ca_file and tls.keystore need tls=true");
        String suffix = c.queue_name__suffix().isEmpty() ? hostName() : c.queue_name__suffix();
        String connectionName = c.connection_name().isEmpty() ? "threatbus@" + hostName() : c.connection_name();
        return new RabbitSettings(c.host(), c.port(), c.username(), c.password(), c.vhost(), c.exchange__name(),
                suffix, c.queue_name__join__symbol(), c.queue_durable(), c.queue_lazy(), c.queue_auto__delete(),
                c.queue_exclusive(), c.queue_max__items(), c.tls(), c.tls_ca__file(), c.tls_keystore(),
                c.tls_keystore__password(), c.tls_verify__hostname(), connectionName, c.prefetch(),
                c.confirm_window(), c.duplicate_window(), c.dead__letter_exchange(), c.reconnect_initial__millis(),
                c.reconnect_max__millis());
    }

    /** {@code threatbus<join><suffix>}, as the original names a host's queue. */
    String queueName() {
        return "threatbus" + joinSymbol + queueSuffix;
    }

    /** The original's queue arguments: the queue mode always, the length limit only when set. */
    Map<String, Object> queueArguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("x-queue-mode", lazy ? "lazy" : "default");
        if (maxItems > 0) {
            arguments.put("x-max-length", maxItems);
        }
        return arguments;
    }

    /** For logs: where, never the password. */
    String describe() {
        return (tls ? "amqps://" : "amqp://") + username + "@" + host + ":" + port + vhost
                + " exchange " + exchange + " queue " + queueName();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(RabbitBackbone.PID + ": " + problem);
        }
    }
}
