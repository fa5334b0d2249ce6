// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import threatbus.api.BackboneUnavailableException;
import threatbus.api.Outbox;
import threatbus.api.message.Message;
import threatbus.api.message.StixObject;

/**
 * The broker is killed (SIGKILL) in the middle of a 10 000-message stream and started again on the same
 * data: every message the backbone accepted is delivered, and exactly once after duplicate suppression. The
 * producer behaves as the bus's dispatcher does: a refused message is kept and offered again.
 */
class BrokerRestartTest extends WithBroker {

    private static final int MESSAGES = 10_000;



    @Test
    void killedBrokerLosesNothingAndDuplicatesAreSuppressed() throws Exception {
        RabbitTransport transport = new RabbitTransport(TestSettings.forPort(node.port(), "restart"), state -> { });
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        transport.subscribe(new CountingOutbox(deliveries, total));
        transport.start();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        Thread producer = new Thread(() -> produce(transport, accepted, refusals), "test-producer");
        try {
            Await.until("connected", WAIT, () -> transport.state().equals("connected"), transport::state);
            producer.start();
            Await.until("a third of the stream delivered", WAIT, () -> total.get() >= MESSAGES / 3);

            node.kill();
            Await.until("the backbone to report the loss", WAIT, () -> transport.state().startsWith("disconnected"),
                    transport::state);
            assertThat(accepted.get()).as("killed mid-stream").isLessThan(MESSAGES);
            node.start();

            producer.join(WAIT.toMillis());
            assertThat(accepted.get()).isEqualTo(MESSAGES);
            Await.until("every message delivered", WAIT, () -> deliveries.size() == MESSAGES,
                    () -> deliveries.size() + " distinct of " + MESSAGES + ", state " + transport.state());
            Await.until("every message confirmed", WAIT, () -> transport.unconfirmed() == 0);
            try (Connection plain = Broker.plainConnection(node); Channel ch = plain.createChannel()) {
                Await.until("the queue drained (late duplicates handled)", WAIT,
                        () -> messageCount(ch) == 0);
            }
            assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(total.get()).isEqualTo(MESSAGES);
            assertThat(refusals.get()).as("the backbone refused while the broker was away").isPositive();
            System.out.printf("restart test: %d refusals, %d duplicates suppressed%n", refusals.get(),
                    transport.duplicates());
        } finally {
            producer.interrupt();
            transport.stop(m -> { });
        }
    }

    private static int messageCount(Channel ch) {
        try {
            return ch.queueDeclarePassive("threatbus.restart").getMessageCount();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void produce(RabbitTransport transport, AtomicInteger accepted, AtomicInteger refusals) {
        Instant t = Instant.parse("2021-03-04T10:00:00Z");
        for (int i = 0; i < MESSAGES && !Thread.currentThread().isInterrupted(); i++) {
            Message message = DuplicateFilterTest.indicator(i, t);
            while (true) {
                try {
                    transport.publish(message);
                    accepted.incrementAndGet();
                    break;
                } catch (BackboneUnavailableException e) {
                    refusals.incrementAndGet();
                    try {
                        Thread.sleep(20); // the bus's dispatcher retries after a short wait, too
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    /** Counts deliveries per STIX id. */
    private record CountingOutbox(Map<String, AtomicInteger> deliveries, AtomicInteger total) implements Outbox {
        @Override
        public String subscriptionId() {
            return "counting";
        }

        @Override
        public java.util.List<String> topics() {
            return java.util.List.of("stix2/indicator");
        }

        @Override
        public void put(Message message) {
            deliveries.computeIfAbsent(((StixObject) message).id(), id -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
        }
    }
}
