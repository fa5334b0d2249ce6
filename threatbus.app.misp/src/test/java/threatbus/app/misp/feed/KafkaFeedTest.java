// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.app.misp.testmisp.EmbeddedKafka;
import threatbus.app.misp.testmisp.Await;

/** The Kafka feed against a real broker in the test JVM. */
class KafkaFeedTest {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedTest.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String A1 = "{\"Attribute\":{\"uuid\":\"1\",\"value\":\"6.6.6.6\"},\"action\":\"add\"}";
    private static final String A2 = "{\"Attribute\":{\"uuid\":\"2\"},\"action\":\"edit\"}";
    private static final String A3 = "{\"Attribute\":{\"uuid\":\"3\"},\"action\":\"delete\"}";

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        long start = System.nanoTime();
        kafka = new EmbeddedKafka();
        LOG.info("embedded Kafka ready at {} after {} ms", kafka.bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static KafkaFeedSettings settings(String topic, String group) {
        return new KafkaFeedSettings(List.of(topic), Duration.ofMillis(200), Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "group.id", group, "auto.offset.reset", "earliest"));
    }

    @Test
    void deliversMispsDocumentsInOrderAndCommitsThem() throws Exception {
        kafka.createTopic("misp_attribute");
        kafka.produce("misp_attribute", A1, null, A2, A3);
        RecordingHandler handler = new RecordingHandler();
        try (KafkaFeed feed = new KafkaFeed(settings("misp_attribute", "in-order"), handler)) {
            feed.start();
            Await.until("three documents", WAIT, () -> handler.count() == 3);
            assertThat(handler.documents()).containsExactly(A1, A2, A3);
            Await.until("the commit of all four records", WAIT,
                    () -> committed("in-order", "misp_attribute") == 4);
            assertThat(feed.stats()).isEqualTo(new FeedStats(true, 4, 3, 0, 1, 0, 0));
        }
    }

    @Test
    void aDocumentIsCommittedOnlyOnceHandled_soAStopMidwayRedeliversIt() throws Exception {
        kafka.createTopic("redelivery");
        kafka.produce("redelivery", A1, A2, A3);
        RecordingHandler handled = new RecordingHandler();
        CountDownLatch blocked = new CountDownLatch(1);
        FeedHandler stuckOnTheSecond = json -> {
            if (handled.count() == 1) {
                blocked.countDown();
                try {
                    new CountDownLatch(1).await(); // a bus that never makes room
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted before the document was handled", e);
                }
            }
            handled.onMessage(json);
        };
        try (KafkaFeed feed = new KafkaFeed(settings("redelivery", "redelivery"), stuckOnTheSecond)) {
            feed.start();
            assertThat(blocked.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(committed("redelivery", "redelivery")).as("nothing committed while handling").isEqualTo(-1);
            long start = System.nanoTime();
            feed.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(handled.documents()).containsExactly(A1);
        assertThat(committed("redelivery", "redelivery")).as("the first document only").isEqualTo(1);

        RecordingHandler restarted = new RecordingHandler();
        try (KafkaFeed feed = new KafkaFeed(settings("redelivery", "redelivery"), restarted)) {
            feed.start();
            Await.until("the rest", WAIT, () -> restarted.count() == 2);
            assertThat(restarted.documents()).containsExactly(A2, A3);
            Await.until("the commit of all", WAIT, () -> committed("redelivery", "redelivery") == 3);
        }
    }

    @Test
    void aDocumentTheHandlerThrowsOnIsCountedAndCommitted() throws Exception {
        kafka.createTopic("rejected");
        kafka.produce("rejected", "not json", A1);
        RecordingHandler handler = new RecordingHandler();
        FeedHandler mapping = json -> {
            if (!new String(json).startsWith("{")) {
                throw new IllegalArgumentException("not a MISP attribute");
            }
            handler.onMessage(json);
        };
        try (KafkaFeed feed = new KafkaFeed(settings("rejected", "rejected"), mapping)) {
            feed.start();
            Await.until("the good document", WAIT, () -> handler.count() == 1);
            Await.until("the commit of both", WAIT, () -> committed("rejected", "rejected") == 2);
            assertThat(handler.documents()).containsExactly(A1);
            assertThat(feed.stats().handlerErrors()).isEqualTo(1);
            assertThat(feed.stats().delivered()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableBrokerNeitherStopsTheFeedNorDelaysItsClose() {
        RecordingHandler handler = new RecordingHandler();
        KafkaFeedSettings unreachable = new KafkaFeedSettings(List.of("misp_attribute"), Duration.ofMillis(200),
                Map.of("bootstrap.servers", "127.0.0.1:" + Await.freePort(), "group.id", "nobody"));
        KafkaFeed feed = new KafkaFeed(unreachable, handler);
        feed.start();
        Await.absence("a connection", Duration.ofSeconds(2), () -> feed.stats().connected());
        long start = System.nanoTime();
        feed.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(handler.documents()).isEmpty();
    }

    @Test
    void aConsumerThatCannotBeCreatedIsCountedAndRetried() {
        KafkaFeedSettings invalid = new KafkaFeedSettings(List.of("misp_attribute"), Duration.ofMillis(200),
                Map.of("bootstrap.servers", "127.0.0.1:9092", "group.id", "g", "auto.offset.reset", "sometimes"));
        KafkaFeed feed = new KafkaFeed(invalid, json -> { });
        feed.start();
        Await.until("a counted failure", WAIT, () -> feed.stats().sourceErrors() >= 1);
        long start = System.nanoTime();
        feed.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void settingsValidateAndMaskSecrets() {
        KafkaFeedSettings settings = new KafkaFeedSettings(List.of("misp_attribute"), null, Map.of(
                "bootstrap.servers", "kafka:9092", "group.id", "threatbus", "sasl.jaas.config", "secret-jaas",
                "ssl.key.password", "secret-key"));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.toString()).contains("kafka:9092").doesNotContain("secret-");
        assertThat(KafkaConsumers.properties(settings)).containsEntry("enable.auto.commit", "false")
                .containsEntry("group.id", "threatbus");
        assertThatIllegalArgumentException().isThrownBy(() -> new KafkaFeedSettings(List.of(), Duration.ZERO,
                Map.of())).withMessageContaining("kafka.topics").withMessageContaining("kafka.poll_interval")
                .withMessageContaining("bootstrap.servers").withMessageContaining("group.id");
    }

    private static long committed(String group, String topic) {
        try {
            return kafka.committed(group, topic);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
