// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MispSettingsTest {

    @Test
    void zeroMqFeedAloneIsValid() {
        MispSettings settings = MispConfigs.settings(Map.of("zmq.host", "misp.example.org", "zmq.port", 50001));

        assertThat(settings.zmq()).hasValueSatisfying(zmq -> {
            assertThat(zmq.host()).isEqualTo("misp.example.org");
            assertThat(zmq.port()).isEqualTo(50001);
        });
        assertThat(settings.kafka()).isEmpty();
        assertThat(settings.api()).isEmpty();
        assertThat(settings.filters()).isEmpty();
    }

    @Test
    void kafkaFeedTakesItsClientPropertiesFromTheKafkaConfigKeys() {
        MispSettings settings = MispConfigs.settings(Map.of("kafka.topics", new String[] {"misp_attribute"},
                "kafka.poll_interval", 0.5, "kafka.config.bootstrap.servers", "localhost:9092",
                "kafka.config.group.id", "threatbus", "kafka.config.auto.offset.reset", "earliest"));

        assertThat(settings.kafka()).hasValueSatisfying(kafka -> {
            assertThat(kafka.topics()).containsExactly("misp_attribute");
            assertThat(kafka.pollInterval()).isEqualTo(Duration.ofMillis(500));
            assertThat(kafka.clientProperties()).containsEntry("bootstrap.servers", "localhost:9092")
                    .containsEntry("group.id", "threatbus").containsEntry("auto.offset.reset", "earliest");
        });
    }

    @Test
    void kafkaTopicsFromACfgFileAreOneCommaSeparatedString() {
        MispSettings settings = MispConfigs.settings(Map.of("kafka.topics", new String[] {"misp_attribute, other"},
                "kafka.config.bootstrap.servers", "localhost:9092", "kafka.config.group.id", "threatbus"));

        assertThat(settings.kafka().orElseThrow().topics()).containsExactly("misp_attribute", "other");
    }

    @Test
    void bothFeedsAreTheOriginalsError() {
        assertThatThrownBy(() -> MispConfigs.settings(Map.of("zmq.host", "localhost", "kafka.topics",
                new String[] {"t"}, "kafka.config.bootstrap.servers", "x:1", "kafka.config.group.id", "g")))
                .hasMessageContaining("Either configure the MISP plugin to use ZeroMQ or Kafka, but not both.");
    }

    @Test
    void noFeedIsAnError() {
        assertThatThrownBy(() -> MispConfigs.settings(Map.of()))
                .hasMessageContaining("Configure the MISP plugin to use ZeroMQ (zmq.host, zmq.port) or Kafka");
    }

    @Test
    void kafkaNeedsBootstrapServersAndGroup() {
        assertThatThrownBy(() -> MispConfigs.settings(Map.of("kafka.topics", new String[] {"t"})))
                .hasMessageContaining("kafka.config.bootstrap.servers is required")
                .hasMessageContaining("kafka.config.group.id is required");
    }

    @Test
    void apiNeedsAUrlAndAKey() {
        assertThatThrownBy(() -> MispConfigs.settings(Map.of("zmq.host", "localhost", "api.host", "misp")))
                .hasMessageContaining("api.host must be a URL such as https://misp.example.org, got \"misp\"");
        assertThatThrownBy(() -> MispConfigs.settings(Map.of("zmq.host", "localhost", "api.host", "https://misp")))
                .hasMessageContaining("api.key is required with api.host");
        assertThatThrownBy(() -> MispConfigs.settings(Map.of("zmq.host", "localhost", "api.key", "k")))
                .hasMessageContaining("api.key is set but api.host is not");
    }

    @Test
    void apiSettingsVerifyTlsByDefault() {
        MispSettings settings = MispConfigs.settings(Map.of("zmq.host", "localhost", "api.host",
                "https://misp.example.org/", "api.key", "secret"));

        assertThat(settings.api()).hasValueSatisfying(api -> {
            assertThat(api.host().toString()).isEqualTo("https://misp.example.org");
            assertThat(api.verifyTls()).isTrue();
            assertThat(api.toString()).doesNotContain("secret");
        });
    }

    @Test
    void filtersAreParsedAndTheirErrorsNamed() {
        MispSettings settings = MispConfigs.settings(Map.of("zmq.host", "localhost", "filter",
                "[{\"orgs\": [\"1\", 25], \"types\": [\"ip-src\"]}]"));
        assertThat(settings.filters()).hasSize(1);

        assertThatThrownBy(() -> MispConfigs.settings(Map.of("zmq.host", "localhost", "filter", "{oops")))
                .hasMessageContaining("filter: ");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> MispConfigs.settings(Map.of("zmq.host", "localhost", "zmq.port", 0,
                "remembered.attributes", 0, "sighting.queue.capacity", 0, "snapshot.page.size", 0)))
                .hasMessageContaining("zmq.port must be a TCP port (1-65535), got 0")
                .hasMessageContaining("remembered.attributes must be at least 1, got 0")
                .hasMessageContaining("sighting.queue.capacity must be at least 1, got 0")
                .hasMessageContaining("snapshot.page.size must be at least 1, got 0");
    }
}
