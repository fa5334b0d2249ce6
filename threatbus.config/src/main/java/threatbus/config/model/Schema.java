// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static threatbus.config.model.KeySpec.optional;
import static threatbus.config.model.KeySpec.required;
import static threatbus.config.model.KeySpec.same;
import static threatbus.config.model.ValueType.BOOLEAN;
import static threatbus.config.model.ValueType.FLOAT;
import static threatbus.config.model.ValueType.INTEGER;
import static threatbus.config.model.ValueType.LEVEL;
import static threatbus.config.model.ValueType.MISP_FILTER;
import static threatbus.config.model.ValueType.OVERFLOW;
import static threatbus.config.model.ValueType.PORT;
import static threatbus.config.model.ValueType.STRING;
import static threatbus.config.model.ValueType.STRING_LIST;
import static threatbus.config.model.ValueType.STRING_MAP;

import java.util.List;
import java.util.Optional;

/**
 * Every section of the config file: the original's keys (spec §1.2, §2.2, §3.x) with the property each sets,
 * then this project's own keys in the original's snake_case. Defaults are the components' own.
 */
public final class Schema {

    public static final String LOGGING_PID = "threatbus.logging";

    public static final PluginSpec LOGGING = new PluginSpec("logging", LOGGING_PID, "threatbus.config", List.of(
            same("console", BOOLEAN, true),
            same("console_verbosity", LEVEL, "INFO"),
            same("file", BOOLEAN, false),
            same("file_verbosity", LEVEL, "INFO"),
            same("filename", STRING, "threatbus.log")), false);

    public static final PluginSpec BUS = new PluginSpec("bus", "threatbus.bus", "threatbus.bus", List.of(
            optional("inbox_capacity", "inbox.capacity", INTEGER, 10_000),
            optional("publish_timeout_ms", "publish.timeout.ms", INTEGER, 1_000),
            optional("outbox_capacity", "outbox.capacity", INTEGER, 10_000),
            optional("outbox_overflow", "outbox.overflow", OVERFLOW, "DROP_OLDEST"),
            optional("outbox_block_ms", "outbox.block.ms", INTEGER, 1_000),
            optional("snapshot_ttl_s", "snapshot.ttl.s", INTEGER, 3_600)), false);

    /** The Prometheus endpoint: a core section, so that it is off unless the file turns it on. */
    public static final PluginSpec METRICS = new PluginSpec("metrics", "threatbus.metrics", "threatbus.metrics",
            List.of(
                    same("enabled", BOOLEAN, false),
                    same("host", STRING, "127.0.0.1"),
                    same("port", PORT, 9464),
                    same("path", STRING, "/metrics")), false);

    public static final PluginSpec STORE = new PluginSpec("store", "threatbus.store", "threatbus.store", List.of(
            same("enabled", BOOLEAN, true),
            same("path", STRING, "data"),
            same("sighting_retention_days", INTEGER, 30),
            same("indicator_versions", INTEGER, 10)), false);

    public static final PluginSpec INMEM = new PluginSpec("plugins.backbones.inmem", "threatbus.backbone.inmem",
            "threatbus.backbone.inmem", List.of(
                    optional("handoff_capacity", "handoff.capacity", INTEGER, 10_000),
                    optional("service_ranking", "service.ranking", INTEGER, 0)), true);

    public static final PluginSpec RABBITMQ = new PluginSpec("plugins.backbones.rabbitmq",
            "threatbus.backbone.rabbitmq", "threatbus.backbone.rabbitmq", List.of(
                    required("host", STRING),
                    required("port", PORT),
                    required("username", STRING),
                    required("password", STRING).masked(),
                    same("vhost", STRING, "/"),
                    same("exchange_name", STRING, "threatbus"),
                    same("queue.name_suffix", STRING, ""), // empty: the host's name
                    same("queue.name_join_symbol", STRING, "."),
                    same("queue.durable", BOOLEAN, true),
                    same("queue.lazy", BOOLEAN, true),
                    same("queue.auto_delete", BOOLEAN, false),
                    same("queue.exclusive", BOOLEAN, false),
                    same("queue.max_items", INTEGER, 0),
                    optional("tls.enabled", "tls", BOOLEAN, false),
                    same("tls.ca_file", STRING, ""),
                    same("tls.keystore", STRING, ""),
                    same("tls.keystore_password", STRING, "").masked(),
                    same("tls.verify_hostname", BOOLEAN, true),
                    optional("connection_name", "connection.name", STRING, ""),
                    same("prefetch", INTEGER, 500),
                    optional("confirm_window", "confirm.window", INTEGER, 1_000),
                    optional("duplicate_window", "duplicate.window", INTEGER, 100_000),
                    optional("dead_letter_exchange", "dead_letter.exchange", STRING, "threatbus.dlx"),
                    same("reconnect.initial_millis", INTEGER, 500),
                    same("reconnect.max_millis", INTEGER, 5_000),
                    optional("service_ranking", "service.ranking", INTEGER, 10)), true);

    public static final PluginSpec FILE_BENCHMARK = new PluginSpec("plugins.backbones.file_benchmark", null,
            null, List.of(), true);

    public static final PluginSpec ZEEK = new PluginSpec("plugins.apps.zeek", "threatbus.app.zeek",
            "threatbus.app.zeek", List.of(
                    same("host", STRING, "127.0.0.1"),
                    same("port", PORT, 47761),
                    same("module_namespace", STRING, "Tenzir"),
                    same("disable_ssl", BOOLEAN, false),
                    same("ssl_certificate", STRING, ""),
                    same("ssl_keyfile", STRING, ""),
                    same("ssl_cafile", STRING, ""),
                    same("ssl_passphrase", STRING, "").masked(),
                    optional("max_frame_bytes", "max.frame.bytes", INTEGER, 4_194_304),
                    optional("peer_queue_capacity", "peer.queue.capacity", INTEGER, 1_000),
                    optional("handshake_timeout_s", "handshake.timeout.s", INTEGER, 10)), true);

    public static final PluginSpec MISP = new PluginSpec("plugins.apps.misp", "threatbus.app.misp",
            "threatbus.app.misp", List.of(
                    required("api.host", STRING),
                    required("api.ssl", BOOLEAN),
                    required("api.key", STRING).masked(),
                    same("filter", MISP_FILTER, ""),
                    required("zmq.host", STRING),
                    required("zmq.port", PORT),
                    same("zmq.username", STRING, ""),
                    same("zmq.password", STRING, "").masked(),
                    required("kafka.topics", STRING_LIST),
                    same("kafka.poll_interval", FLOAT, 1.0),
                    required("kafka.config", STRING_MAP),
                    optional("remembered_attributes", "remembered.attributes", INTEGER, 100_000),
                    optional("sighting_queue_capacity", "sighting.queue.capacity", INTEGER, 10_000),
                    optional("snapshot_page_size", "snapshot.page.size", INTEGER, 1_000)), true);

    public static final PluginSpec ZMQ = new PluginSpec("plugins.apps.zmq", "threatbus.app.zmq", "threatbus.app.zmq",
            List.of(
                    required("host", STRING).withDefault("127.0.0.1"),
                    required("manage", PORT).withDefault(13370),
                    required("pub", PORT).withDefault(13371),
                    required("sub", PORT).withDefault(13372),
                    optional("heartbeat_timeout_s", "heartbeat.timeout.s", INTEGER, 0),
                    optional("max_frame_bytes", "max.frame.bytes", INTEGER, 1_048_576),
                    optional("send_hwm", "send.hwm", INTEGER, 1_000),
                    optional("receive_hwm", "receive.hwm", INTEGER, 10_000),
                    optional("advertised_host", "advertised.host", STRING, ""),
                    same("curve.secret_key", STRING, "").masked(),
                    same("curve.allowed_clients", STRING_LIST, null),
                    same("plain.users", STRING_LIST, null).masked()), true);

    public static final PluginSpec TAXII = new PluginSpec("plugins.apps.taxii", "threatbus.app.taxii",
            "threatbus.app.taxii", List.of(
                    same("host", STRING, "127.0.0.1"),
                    same("port", PORT, 9466),
                    same("title", STRING, "Threat Bus"),
                    same("users", STRING_LIST, null).masked(),
                    same("indicators.read", STRING_LIST, null),
                    same("indicators.write", STRING_LIST, null),
                    same("sightings.read", STRING_LIST, null),
                    same("sightings.write", STRING_LIST, null),
                    optional("page_size", "page.size", INTEGER, 100)), true);

    public static final PluginSpec CIF3 = new PluginSpec("plugins.apps.cif3", null, null, List.of(), true);

    /** Every section, the core first. */
    public static final List<PluginSpec> ALL = List.of(LOGGING, BUS, METRICS, STORE, INMEM, RABBITMQ,
            FILE_BENCHMARK, ZEEK, MISP, ZMQ, TAXII, CIF3);

    /** The plugin sections: {@code plugins.backbones} and {@code plugins.apps}. */
    public static final List<String> PLUGIN_GROUPS = List.of("plugins.backbones", "plugins.apps");

    private Schema() {
    }

    public static Optional<PluginSpec> byPath(String path) {
        return ALL.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    public static Optional<PluginSpec> byPid(String pid) {
        return ALL.stream().filter(s -> pid.equals(s.pid())).findFirst();
    }
}
