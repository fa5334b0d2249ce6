// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the feed's Kafka consumer so that it works inside an OSGi framework too.
 *
 * <p>The Kafka classes are embedded in this bundle, and Kafka loads classes named in its configuration
 * (assignors, metrics reporters, login modules) through the thread's context class loader. In a framework
 * that loader is not ours, so it is set to this bundle's loader while the consumer is created (and the
 * feed's own thread runs with it throughout). The deserializers are passed as instances, not names.
 */
final class KafkaConsumers {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConsumers.class);

    private KafkaConsumers() {
    }

    /** Our defaults, then the configured properties verbatim. */
    static Properties properties(KafkaFeedSettings settings) {
        Properties properties = new Properties();
        // offsets are committed after the handler returned: a crash redelivers instead of losing
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "threatbus-misp");
        properties.putAll(settings.clientProperties());
        if (Boolean.parseBoolean(properties.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG))) {
            LOG.warn("kafka.config sets enable.auto.commit=true: documents read but not yet handled are lost "
                    + "when Threat Bus stops abruptly");
        }
        return properties;
    }

    static Consumer<byte[], byte[]> create(KafkaFeedSettings settings) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaConsumers.class.getClassLoader());
        try {
            return new KafkaConsumer<>(properties(settings), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
