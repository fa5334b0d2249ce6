// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.app.misp.feed.FeedCounters.Problem;

/**
 * MISP's Kafka feed: a consumer subscribed to the configured topics hands each record's value, MISP's JSON
 * document, to the handler.
 *
 * <p>At least once: offsets are committed only after the handler returned for a record, after each poll's
 * batch and when the feed stops. A crash or an abrupt stop redelivers what was read but not yet handled; a
 * handler that blocks longer than the consumer's {@code max.poll.interval.ms} loses the group's partitions,
 * the commit fails (counted) and those records come again. A handler that <em>throws</em> is counted and
 * its record committed all the same: the document is what it is, and retrying it would hold up its
 * partition for good.
 *
 * <p>Kafka errors are logged (the first of a kind at WARN), counted and outlived: a broker that is away is
 * retried by the client itself, a consumer that cannot even be created (bad configuration, unresolvable
 * servers) is created anew after a pause. The consumer lives on the feed's thread only.
 */
public final class KafkaFeed implements MispFeed {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeed.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

    private final KafkaFeedSettings settings;
    private final FeedCounters counters;
    private final Delivery delivery;
    private final FeedThread thread;
    private volatile Consumer<byte[], byte[]> consumer;
    private volatile boolean closed;

    public KafkaFeed(KafkaFeedSettings settings, FeedHandler handler) {
        this.settings = settings;
        this.counters = new FeedCounters("MISP Kafka feed " + settings.topics());
        this.delivery = new Delivery(handler, counters);
        this.thread = new FeedThread("threatbus-misp-kafka", this::run);
    }

    @Override
    public void start() {
        if (closed) {
            throw new IllegalStateException("the MISP Kafka feed is closed");
        }
        thread.start();
    }

    @Override
    public FeedStats stats() {
        return counters.snapshot();
    }

    private void run() {
        Thread.currentThread().setContextClassLoader(KafkaFeed.class.getClassLoader());
        while (!thread.stopping()) {
            Consumer<byte[], byte[]> created;
            try {
                created = KafkaConsumers.create(settings);
            } catch (KafkaException | IllegalArgumentException e) {
                counters.problem(Problem.SOURCE_ERROR, "cannot create the Kafka consumer (" + e.getMessage()
                        + "); trying again in " + RETRY_PAUSE.toSeconds() + " s", e);
                thread.pause(RETRY_PAUSE);
                continue;
            }
            consumer = created;
            try {
                created.subscribe(settings.topics());
                LOG.info("MISP Kafka feed subscribed to {} at {}", settings.topics(),
                        settings.clientProperties().get("bootstrap.servers"));
                consume(created);
            } catch (RuntimeException e) {
                // poll() broke in a way it does not recover from; a new consumer may
                if (!thread.stopping()) {
                    counters.problem(Problem.SOURCE_ERROR, "the Kafka consumer failed; creating a new one in "
                            + RETRY_PAUSE.toSeconds() + " s", e);
                }
            } finally {
                consumer = null;
                counters.connected(false);
                close(created);
            }
            if (!thread.stopping()) {
                thread.pause(RETRY_PAUSE);
            }
        }
    }

    private void consume(Consumer<byte[], byte[]> consumer) {
        while (!thread.stopping()) {
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(settings.pollInterval());
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (KafkaException e) {
                counters.problem(Problem.SOURCE_ERROR, "Kafka poll failed: " + e.getMessage(), e);
                thread.pause(settings.pollInterval());
                continue;
            }
            counters.connected(!consumer.assignment().isEmpty());
            commit(consumer, handle(records));
        }
    }

    /** @return the offsets to commit: those of records handled to the end */
    private Map<TopicPartition, OffsetAndMetadata> handle(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (thread.stopping()) {
                break;
            }
            counters.received();
            if (record.value() == null || record.value().length == 0) {
                counters.problem(Problem.MALFORMED, "skipped a record without a value at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset());
            } else if (!delivery.deliver(record.value()) && thread.stopping()) {
                // the handler threw while close() interrupted it: it may have stopped half-way, so the
                // record stays uncommitted and comes again
                break;
            }
            handled.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        return handled;
    }

    private void commit(Consumer<byte[], byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        // an interrupt meant for the handler must not fail the commit
        Thread.interrupted();
        try {
            try {
                consumer.commitSync(offsets, COMMIT_TIMEOUT);
            } catch (WakeupException e) {
                // close() woke the consumer up; the wake-up is used up, so the commit can go through now
                consumer.commitSync(offsets, COMMIT_TIMEOUT);
            }
        } catch (KafkaException e) {
            counters.problem(Problem.SOURCE_ERROR, "committing offsets " + offsets + " failed (those records "
                    + "will be read again): " + e.getMessage(), e);
        }
    }

    private void close(Consumer<byte[], byte[]> consumer) {
        Thread.interrupted();
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.debug("closing the Kafka consumer failed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.stop(() -> {
            Consumer<byte[], byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }, delivery::inHandler, STOP_TIMEOUT);
        LOG.info("MISP Kafka feed {} closed", settings.topics());
    }
}
