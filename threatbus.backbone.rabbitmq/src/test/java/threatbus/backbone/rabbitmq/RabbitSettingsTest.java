// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The original's defaults, names and queue arguments (spec §2.2), and the rejection of bad values. */
class RabbitSettingsTest {

    @Test
    void defaultsAreTheOriginals() throws Exception {
        RabbitSettings s = RabbitSettings.from(TestSettings.config());
        assertThat(s.exchange()).isEqualTo("threatbus");
        assertThat(s.vhost()).isEqualTo("/");
        assertThat(s.queueName()).isEqualTo("threatbus." + InetAddress.getLocalHost().getHostName());
        assertThat(s.durable()).isTrue();
        assertThat(s.autoDelete()).isFalse();
        assertThat(s.exclusive()).isFalse();
        assertThat(s.queueArguments()).containsExactly(Map.entry("x-queue-mode", "lazy"));
        assertThat(s.deadLetterExchange()).isEqualTo("threatbus.dlx");
    }

    @Test
    void queueNameAndArgumentsFollowTheConfiguration() {
        RabbitSettings s = RabbitSettings.from(TestSettings.config("queue_name__suffix", "site1",
                "queue_name__join__symbol", "_", "queue_lazy", false, "queue_max__items", 500));
        assertThat(s.queueName()).isEqualTo("threatbus_site1");
        assertThat(s.queueArguments()).containsExactly(Map.entry("x-queue-mode", "default"),
                Map.entry("x-max-length", 500));
    }

    @Test
    void badValuesAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> RabbitSettings.from(TestSettings.config("port", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> RabbitSettings.from(TestSettings.config("queue_max__items", -1)))
                .hasMessageContaining("queue.max_items");
        assertThatThrownBy(() -> RabbitSettings.from(TestSettings.config("tls_ca__file", "/ca.pem")))
                .hasMessageContaining("tls.ca_file");
        assertThatThrownBy(() -> RabbitSettings.from(TestSettings.config("dead__letter_exchange", "threatbus")))
                .hasMessageContaining("dead_letter.exchange");
    }

    @Test
    void describeNeverShowsThePassword() {
        RabbitSettings s = RabbitSettings.from(TestSettings.config("password", "s3cret"));
        assertThat(s.describe()).doesNotContain("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
    }
}
