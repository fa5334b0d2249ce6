// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Kafka topics MISP publishes attributes to, how long one poll waits, and the consumer's client
 * properties, passed to Kafka verbatim on top of the feed's defaults (see {@link KafkaConsumers}).
 *
 * @throws IllegalArgumentException naming the configuration key of every problem
 */
public record KafkaFeedSettings(List<String> topics, Duration pollInterval, Map<String, String> clientProperties) {

    /** MISP's default {@code Kafka_attribute_notifications_topic}. */
    public static final String DEFAULT_TOPIC = "misp_attribute";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    // Kafka's secret settings: ssl.key.password, sasl.jaas.config, ...client.secret, ssl.keystore.key, ...
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|jaas|token).*|.*\\.key");

    public KafkaFeedSettings {
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        List<String> problems = new ArrayList<>();
        if (topics == null || topics.isEmpty() || topics.stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add("kafka.topics must list at least one topic (MISP's default is " + DEFAULT_TOPIC + "), got "
                    + topics);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            problems.add("kafka.poll_interval must be positive, got " + pollInterval);
        }
        if (clientProperties == null) {
            clientProperties = Map.of();
        }
        for (String required : List.of("bootstrap.servers", "group.id")) {
            String value = clientProperties.get(required);
            if (value == null || value.isBlank()) {
                problems.add("kafka.config must set " + required);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid MISP kafka configuration: " + String.join("; ", problems));
        }
        topics = List.copyOf(topics);
        clientProperties = Map.copyOf(clientProperties);
    }

    /** MISP's default topic, polled every second. */
    public static KafkaFeedSettings of(Map<String, String> clientProperties) {
        return new KafkaFeedSettings(List.of(DEFAULT_TOPIC), DEFAULT_POLL_INTERVAL, clientProperties);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        clientProperties.forEach((key, value) -> shown.put(key, SECRET.matcher(key).matches() ? "****" : value));
        return "KafkaFeedSettings[topics=" + topics + ", pollInterval=" + pollInterval + ", clientProperties="
                + shown + "]";
    }
}
