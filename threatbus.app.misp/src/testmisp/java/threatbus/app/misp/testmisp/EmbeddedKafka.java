// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.testmisp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka (controller and broker in one node) inside the test JVM, listening on a
 * free port of localhost; plays the Kafka that MISP's KafkaPubTool produces to.
 * <p>
 * Its folder is created here, not by the test kit: the kit would delete its own folder in a JVM shutdown
 * hook, and a broker still running then (one stopped by another shutdown hook, which runs concurrently) finds
 * its log folder gone and halts the JVM with exit code 1 — a failed build after every test passed.
 * {@link #close()} deletes the folder once the broker has stopped.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    public EmbeddedKafka() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).setBaseDirectory(Files.createTempDirectory("threatbus-kafka-")).build();
        cluster = new KafkaClusterTestKit.Builder(nodes)
                // a consumer group forms at once instead of waiting for more members
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // one node: the group coordinator's own topic cannot have the default three replicas
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        admin = cluster.admin();
        // like MISP's KafkaPubTool: no key, the JSON as the value
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public void createTopic(String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    /** Sends and waits for the broker's acknowledgement; a null document sends a record without value. */
    public void produce(String topic, String... documents) throws Exception {
        for (String document : documents) {
            byte[] value = document == null ? null : document.getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(topic, null, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** The group's committed offset of partition 0, or -1 when nothing was committed. */
    public long committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
        return offset == null ? -1 : offset.offset();
    }

    @Override
    public void close() throws Exception {
        producer.close();
        admin.close();
        cluster.close();
    }
}
