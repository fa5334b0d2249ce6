// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.config.model.Configs.check;
import static threatbus.config.model.Configs.config;
import static threatbus.config.model.Configs.minimal;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every problem is reported at once, each with the exact key path; what is valid maps to properties. */
class CheckerTest {

    private static final String ZMQ = "    zmq:\n      host: 127.0.0.1\n      manage: 13370\n      pub: 13371\n      sub: 13372\n";

    @Test
    void aBadPortNamesItsKeyPath() {
        Effective effective = check(minimal(ZMQ.replace("manage: 13370", "manage: abc")));

        assertThat(effective.errors()).extracting(Problem::toString)
                .containsExactly("plugins.apps.zmq.manage: expected an integer, got \"abc\"");
        assertThat(effective.configs()).extracting(PidConfig::pid).doesNotContain("threatbus.app.zmq");
    }

    @Test
    void aBadSecretValueIsNamedButNeverShown() {
        // YAML reads 2024-05-01 as a date: not a text, and the error must not repeat it
        Effective effective = check(minimal(ZMQ + "      plain.users: [{vast: s3cret-in-a-mapping}, 2024-05-01]\n"
                + "    misp:\n      api:\n        host: https://misp.example\n        ssl: true\n        key: 2024-05-01\n"
                + "      zmq:\n        host: 127.0.0.1\n        port: 50000\n"));

        assertThat(effective.errors()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "plugins.apps.zmq.plain.users: expected a list of texts (the value of a secret key is not shown)",
                "plugins.apps.misp.api.key: expected a text (the value of a secret key is not shown)");
        assertThat(effective.errors().toString()).doesNotContain("2024").doesNotContain("s3cret");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String yaml = """
                logging:
                  console_verbosity: LOUD
                  file: maybe
                plugins:
                  backbones:
                    inmem:
                      foo: 1
                  apps:
                    zmq:
                      host: 127.0.0.1
                      manage: 70000
                      pub: "13371"
                    zeek:
                      port: [1]
                      disable_ssl: yes
                """;
        assertThat(check(yaml).errors()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "logging.console_verbosity: expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got \"LOUD\"",
                "logging.file: expected true or false, got \"maybe\"",
                "plugins.backbones.inmem.foo: unknown key (known: handoff_capacity, service_ranking)",
                "plugins.apps.zmq.manage: expected a TCP port (1-65535), got 70000",
                "plugins.apps.zmq.pub: expected an integer, got \"13371\"",
                "plugins.apps.zmq.sub: required",
                "plugins.apps.zeek.port: expected an integer, got a list");
    }

    @Test
    void environmentBeatsDotEnvBeatsTheFile() {
        Map<String, String> env = Map.of(
                "THREATBUS_PLUGINS__APPS__ZMQ__MANAGE", "23370",
                "THREATBUS_LOGGING__CONSOLE", "false",
                "THREATBUS_PYTHON", "/usr/bin/python3");
        Map<String, String> dotEnv = Map.of(
                "THREATBUS_PLUGINS__APPS__ZMQ__MANAGE", "33370",
                "THREATBUS_PLUGINS__APPS__ZMQ__PUB", "33371");
        Effective effective = check(minimal(ZMQ), env, dotEnv);

        assertThat(effective.errors()).isEmpty();
        assertThat(effective.warnings()).isEmpty();
        PidConfig zmq = config(effective, "threatbus.app.zmq");
        assertThat(zmq.properties()).containsEntry("manage", 23370).containsEntry("pub", 33371)
                .containsEntry("sub", 13372);
        assertThat(zmq.origins().get("manage")).hasToString("env THREATBUS_PLUGINS__APPS__ZMQ__MANAGE");
        assertThat(zmq.origins().get("pub")).hasToString(".env THREATBUS_PLUGINS__APPS__ZMQ__PUB");
        assertThat(zmq.origins().get("sub")).isEqualTo(Origin.FILE);
        assertThat(config(effective, "threatbus.logging").properties()).containsEntry("console", false);
    }

    @Test
    void aBadEnvironmentValueNamesItsKeyAndVariable() {
        Effective effective = check(minimal(ZMQ), Map.of("THREATBUS_PLUGINS__APPS__ZMQ__MANAGE", "abc"), Map.of());

        assertThat(effective.errors()).extracting(Problem::toString).containsExactly(
                "plugins.apps.zmq.manage: expected an integer, got \"abc\" (from env THREATBUS_PLUGINS__APPS__ZMQ__MANAGE)");
    }

    @Test
    void theEnvironmentCanSelectAPlugin() {
        Effective effective = check(minimal(ZMQ), Map.of("THREATBUS_PLUGINS__APPS__ZEEK", "{}",
                "THREATBUS_PLUGINS__APPS__ZEEK__PORT", "47000"), Map.of());

        assertThat(config(effective, "threatbus.app.zeek").properties()).containsEntry("port", 47000);
        assertThat(effective.unselected()).extracting(PluginSpec::pid).doesNotContain("threatbus.app.zeek");
    }

    @Test
    void mispNeedsExactlyOneFeedAndCompleteSections() {
        String both = "    misp:\n      zmq:\n        host: localhost\n        port: 50000\n"
                + "      kafka:\n        topics: [misp_attribute]\n        config: {bootstrap.servers: 'k:9092', group.id: g}\n";
        assertThat(check(minimal(both)).errors()).extracting(Problem::toString)
                .containsExactly("plugins.apps.misp: " + Checker.BOTH_FEEDS);

        String neither = "    misp:\n      api:\n        host: https://misp\n";
        assertThat(check(minimal(neither)).errors()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "plugins.apps.misp.api.ssl: required",
                "plugins.apps.misp.api.key: required",
                "plugins.apps.misp: configure either zmq (host, port) or kafka (topics, config)");

        String kafka = "    misp:\n      kafka:\n        topics: misp_attribute\n        config:\n          group.id: g\n";
        assertThat(check(minimal(kafka)).errors()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "plugins.apps.misp.kafka.topics: expected a list, got \"misp_attribute\"",
                "plugins.apps.misp.kafka.config.bootstrap.servers: required");
    }

    @Test
    void theStructureItselfIsChecked() {
        assertThat(check("logging:\n  console: true\n").errors()).extracting(Problem::toString)
                .containsExactly("plugins: required: a mapping with backbones: and apps:");
        assertThat(check("plugins:\n  backbones: []\n  apps:\n").errors()).extracting(Problem::toString)
                .containsExactly("plugins.backbones: expected a mapping of backbones by name, got a list",
                        "plugins.apps: required: a mapping of apps by name");
        assertThat(check(minimal("    vast:\n") + "extra: 1\n").warnings()).extracting(Problem::toString)
                .containsExactly("extra: not a key Threat Bus reads; ignored",
                        "plugins.apps.vast: there is no app plugin of that name (known: zeek, misp, zmq, taxii, cif3); ignored");
    }

    @Test
    void ourOwnKeysMapToTheComponentsDottedProperties() {
        String yaml = "bus:\n  outbox_overflow: drop_newest\n  inbox_capacity: 5\n"
                + minimal(ZMQ + "      heartbeat_timeout_s: 30\n");
        Effective effective = check(yaml);

        assertThat(config(effective, "threatbus.bus").properties()).containsEntry("outbox.overflow", "DROP_NEWEST")
                .containsEntry("inbox.capacity", 5);
        assertThat(config(effective, "threatbus.app.zmq").properties()).containsEntry("heartbeat.timeout.s", 30);
    }

    @Test
    void secretsAreMaskedWhenShown() {
        String yaml = minimal("    misp:\n      api: {host: 'https://m', ssl: true, key: SECRETKEY}\n"
                + "      kafka:\n        topics: [t]\n        config: {bootstrap.servers: 'k:1', group.id: g, "
                + "sasl.jaas.config: JAAS}\n");
        String shown = Report.effective("config.yaml", check(yaml), pid -> "active");

        assertThat(shown).doesNotContain("SECRETKEY").doesNotContain("JAAS").contains("api.key").contains("****")
                .contains("kafka.config.group.id").contains("remembered.attributes").contains("default");
    }
}
