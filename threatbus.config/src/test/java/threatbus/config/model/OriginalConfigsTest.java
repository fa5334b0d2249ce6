// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.config.model.Configs.check;
import static threatbus.config.model.Configs.config;
import static threatbus.config.model.Configs.original;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The original's own configuration files mean here what they meant there. */
class OriginalConfigsTest {

    @Test
    void integrationTestConfigSelectsInmemZeekAndZmq() {
        Effective effective = check(original("config_integration_test.yaml"));

        assertThat(effective.errors()).isEmpty();
        assertThat(effective.configs()).extracting(PidConfig::pid).containsExactly("threatbus.logging", "threatbus.bus",
                "threatbus.metrics", "threatbus.store",
                "threatbus.backbone.inmem", "threatbus.app.zeek", "threatbus.app.zmq");
        assertThat(config(effective, "threatbus.app.zeek").properties()).containsEntry("host", "0.0.0.0")
                .containsEntry("port", 47761).containsEntry("module_namespace", "Tenzir");
        assertThat(config(effective, "threatbus.app.zmq").properties()).containsEntry("host", "127.0.0.1")
                .containsEntry("manage", 13370).containsEntry("pub", 13371).containsEntry("sub", 13372);
        assertThat(config(effective, "threatbus.logging").properties()).containsEntry("console", false)
                .containsEntry("file", false);
        assertThat(effective.unselected()).extracting(PluginSpec::pid)
                .containsExactly("threatbus.backbone.rabbitmq", "threatbus.app.misp", "threatbus.app.taxii");
        assertThat(effective.notes()).extracting(Problem::toString).containsExactly(
                "plugins.apps.misp: Ignoring installed, but unconfigured plugin (bundle threatbus.app.misp): it stays inactive",
                "plugins.apps.taxii: Ignoring installed, but unconfigured plugin (bundle threatbus.app.taxii): it stays inactive");
    }

    @Test
    void theOriginalsExampleFailsAsItDidThereAndNamesWhatIsNotHere() {
        Effective effective = check(original("threatbus-config.yaml.example"));

        assertThat(effective.errors()).extracting(Problem::toString).containsExactly(
                "plugins.apps.misp: Either configure the MISP plugin to use ZeroMQ or Kafka, but not both.");
        assertThat(effective.warnings()).extracting(Problem::toString).containsExactly(
                "plugins.backbones.rabbitmq: configured, but bundle threatbus.backbone.rabbitmq is not installed; its "
                        + "configuration applies as soon as it is (drop threatbus.backbone.rabbitmq-<version>.jar into plugins/)",
                "plugins.apps.cif3: the cif3 app is not implemented by Threat Bus for the JVM; ignored");
    }

    @Test
    void theExampleWithOneMispFeedMapsEveryKey() {
        String yaml = original("threatbus-config.yaml.example").replace("""
                      zmq:
                        host: localhost          # Required.
                        port: 50000              # Required.
                """, "");
        Effective effective = check(yaml);

        assertThat(effective.errors()).isEmpty();
        assertThat(config(effective, "threatbus.app.misp").properties())
                .containsEntry("api.host", "https://localhost")
                .containsEntry("api.ssl", false)
                .containsEntry("api.key", "MISP_API_KEY")
                .containsEntry("filter", "[{\"orgs\":[\"1\",\"25\"],\"tags\":[\"TLP:AMBER\",\"TLP:RED\"],"
                        + "\"types\":[\"ip-src\",\"ip-dst\",\"hostname\",\"domain\",\"url\"]}]")
                .containsEntry("kafka.poll_interval", 1.0)
                .containsEntry("kafka.config.bootstrap.servers", "localhost:9092")
                .containsEntry("kafka.config.group.id", "threatbus")
                .containsEntry("kafka.config.auto.offset.reset", "earliest");
        assertThat((String[]) config(effective, "threatbus.app.misp").properties().get("kafka.topics"))
                .containsExactly("misp_attribute");
        assertThat(config(effective, "threatbus.backbone.rabbitmq").properties())
                .containsEntry("host", "localhost").containsEntry("port", 5672).containsEntry("username", "guest")
                .containsEntry("password", "guest").containsEntry("vhost", "/")
                .containsEntry("exchange_name", "threatbus").containsEntry("queue.name_suffix", "my_suffix")
                .containsEntry("queue.name_join_symbol", ".").containsEntry("queue.durable", true)
                .containsEntry("queue.auto_delete", false).containsEntry("queue.lazy", true)
                .containsEntry("queue.exclusive", false).containsEntry("queue.max_items", 0);
        assertThat(config(effective, "threatbus.logging").properties()).containsEntry("console_verbosity", "INFO")
                .containsEntry("filename", "threatbus.log");
        // every plugin of the original is configured; only ours, which the original did not have, is not
        assertThat(effective.unselected()).extracting(PluginSpec::pid).containsExactly("threatbus.app.taxii");
    }

    @Test
    void theBenchmarkConfigRunsZmqAndNamesTheTestOnlyBackbone() {
        Effective effective = check(original("benchmark_config.yaml"));

        assertThat(effective.errors()).isEmpty();
        assertThat(effective.warnings()).extracting(Problem::toString).containsExactly(
                "plugins.backbones.file_benchmark: the file_benchmark backbone is not implemented by Threat Bus for the "
                        + "JVM; ignored");
        assertThat(effective.configs()).extracting(PidConfig::pid).contains("threatbus.app.zmq")
                .doesNotContain("threatbus.backbone.inmem");
        assertThat(config(effective, "threatbus.logging").properties()).containsEntry("console_verbosity", "DEBUG")
                .containsEntry("file", true);
        assertThat(effective.unselected()).extracting(PluginSpec::pid).containsAll(List.of(
                "threatbus.backbone.inmem", "threatbus.app.zeek"));
    }
}
