// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import threatbus.app.misp.feed.KafkaFeedSettings;
import threatbus.app.misp.feed.ZmqFeedSettings;
import threatbus.app.misp.mapping.MispFilter;
import threatbus.app.misp.rest.MispApiSettings;

/**
 * The validated configuration of the MISP app: exactly one feed, optionally the REST API, the filters.
 *
 * @param zmq the ZeroMQ feed, if configured
 * @param kafka the Kafka feed, if configured (exactly one of the two is)
 * @param api MISP's REST API, if configured
 */
record MispSettings(Optional<ZmqFeedSettings> zmq, Optional<KafkaFeedSettings> kafka, Optional<MispApiSettings> api,
        List<MispFilter> filters, int rememberedAttributes, int sightingQueueCapacity, int snapshotPageSize) {

    static final String KAFKA_CONFIG_PREFIX = "kafka.config.";
    private static final Duration API_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Validates a configuration; every problem is named by its key.
     *
     * @param properties the raw properties, for the {@code kafka.config.*} keys
     */
    static MispSettings of(MispConfig config, Map<String, ?> properties) {
        List<String> problems = new ArrayList<>();
        boolean zmqConfigured = !trim(config.zmq_host()).isEmpty();
        boolean kafkaConfigured = config.kafka_topics() != null && config.kafka_topics().length > 0;
        if (zmqConfigured && kafkaConfigured) {
            problems.add("Either configure the MISP plugin to use ZeroMQ or Kafka, but not both.");
        } else if (!zmqConfigured && !kafkaConfigured) {
            problems.add("Configure the MISP plugin to use ZeroMQ (zmq.host, zmq.port) or Kafka (kafka.topics, "
                    + "kafka.config.*).");
        }
        Optional<ZmqFeedSettings> zmq = Optional.empty();
        if (zmqConfigured) {
            if (config.zmq_port() < 1 || config.zmq_port() > 65_535) {
                problems.add("zmq.port must be a TCP port (1-65535), got " + config.zmq_port());
            } else if (trim(config.zmq_username()).isEmpty() != trim(config.zmq_password()).isEmpty()) {
                problems.add("zmq.username and zmq.password go together (MISP's ZeroMQ_username/password)");
            } else {
                zmq = Optional.of(new ZmqFeedSettings(trim(config.zmq_host()), config.zmq_port(),
                        emptyToNull(config.zmq_username()), emptyToNull(config.zmq_password())));
            }
        }
        Optional<KafkaFeedSettings> kafka = Optional.empty();
        if (kafkaConfigured) {
            kafka = kafka(config, properties, problems);
        }
        Optional<MispApiSettings> api = api(config, problems);
        List<MispFilter> filters = List.of();
        try {
            filters = trim(config.filter()).isEmpty() ? List.of() : MispFilter.parse(config.filter());
        } catch (IllegalArgumentException e) {
            problems.add("filter: " + e.getMessage());
        }
        atLeast(config.remembered_attributes(), 1, "remembered.attributes", problems);
        atLeast(config.sighting_queue_capacity(), 1, "sighting.queue.capacity", problems);
        atLeast(config.snapshot_page_size(), 1, "snapshot.page.size", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid MISP app configuration: " + String.join("; ", problems));
        }
        return new MispSettings(zmq, kafka, api, filters, config.remembered_attributes(),
                config.sighting_queue_capacity(), config.snapshot_page_size());
    }

    private static Optional<KafkaFeedSettings> kafka(MispConfig config, Map<String, ?> properties,
            List<String> problems) {
        int problemsBefore = problems.size();
        // a .cfg file gives one string: "a, b" lists two topics (Kafka topic names have no commas)
        List<String> topics = Arrays.stream(config.kafka_topics()).flatMap(t -> Arrays.stream(trim(t).split(",")))
                .map(MispSettings::trim).filter(t -> !t.isEmpty()).toList();
        if (topics.isEmpty()) {
            problems.add("kafka.topics must name at least one topic");
        }
        if (!(config.kafka_poll__interval() > 0) || config.kafka_poll__interval() > 3600) {
            problems.add("kafka.poll_interval must be seconds between 0 and 3600, got " + config.kafka_poll__interval());
        }
        Map<String, String> client = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(KAFKA_CONFIG_PREFIX) && value != null) {
                client.put(key.substring(KAFKA_CONFIG_PREFIX.length()), String.valueOf(value));
            }
        });
        if (!client.containsKey("bootstrap.servers")) {
            problems.add("kafka.config.bootstrap.servers is required");
        }
        if (!client.containsKey("group.id")) {
            problems.add("kafka.config.group.id is required");
        }
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        Duration poll = Duration.ofMillis(Math.max(1, Math.round(config.kafka_poll__interval() * 1000)));
        try {
            return Optional.of(new KafkaFeedSettings(topics, poll, client));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<MispApiSettings> api(MispConfig config, List<String> problems) {
        String host = trim(config.api_host());
        if (host.isEmpty()) {
            if (!trim(config.api_key()).isEmpty()) {
                problems.add("api.key is set but api.host is not");
            }
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(host.endsWith("/") ? host.substring(0, host.length() - 1) : host);
        } catch (IllegalArgumentException e) {
            problems.add("api.host must be a URL such as https://misp.example.org, got \"" + host + "\"");
            return Optional.empty();
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            problems.add("api.host must be a URL such as https://misp.example.org, got \"" + host + "\"");
            return Optional.empty();
        }
        if (trim(config.api_key()).isEmpty()) {
            problems.add("api.key is required with api.host");
            return Optional.empty();
        }
        return Optional.of(new MispApiSettings(uri, trim(config.api_key()), config.api_ssl(), API_TIMEOUT));
    }

    private static void atLeast(int value, int min, String key, List<String> problems) {
        if (value < min) {
            problems.add(key + " must be at least " + min + ", got " + value);
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String emptyToNull(String value) {
        String trimmed = trim(value);
        return trimmed.isEmpty() ? null : trimmed;
    }
}
