// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

/**
 * {@code amqp}: the RabbitMQ Java client's own publish → consume ceiling on a broker, with the settings of the
 * RabbitMQ backbone: a fanout exchange, a durable lazy queue, persistent messages of the load generator's
 * size, publisher confirms with a bounded window, manual acks after each delivery, the same prefetch. One
 * producer and one consumer in this process; latency from a send timestamp in the body.
 */
final class AmqpCeiling {

    static final Set<String> OPTIONS = Set.of("host", "port", "messages", "size", "window", "prefetch");
    private static final String NAME = "threatbus.ceiling";
    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(2).build();

    private AmqpCeiling() {
    }

    static int run(String[] args, PrintStream out) throws InterruptedException, BenchException {
        CliArgs a = CliArgs.parse(args, 1, OPTIONS, Set.of());
        int messages = (int) a.integer("messages", 100_000, 1, 100_000_000);
        int size = (int) a.integer("size", 500, 40, 1 << 20);
        int window = (int) a.integer("window", 1_000, 1, 1_000_000);
        int prefetch = (int) a.integer("prefetch", 500, 1, 65_535);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(a.string("host", "127.0.0.1"));
        factory.setPort((int) a.integer("port", 5672, 1, 65535));
        try (Connection producer = factory.newConnection("ceiling-producer");
                Connection consumer = factory.newConnection("ceiling-consumer")) {
            Channel setup = consumer.createChannel();
            setup.exchangeDeclare(NAME, BuiltinExchangeType.FANOUT);
            setup.queueDeclare(NAME, true, false, false, Map.of("x-queue-mode", "lazy"));
            setup.queueBind(NAME, NAME, "");
            setup.queuePurge(NAME);

            long[] latencies = new long[messages];
            AtomicInteger received = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            long[] lastReceive = new long[1];
            Channel in = consumer.createChannel();
            in.basicQos(prefetch);
            in.basicConsume(NAME, false, new DefaultConsumer(in) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) throws IOException {
                    long now = System.nanoTime();
                    int n = received.getAndIncrement();
                    if (n < messages) {
                        latencies[n] = now - sentAt(body);
                    }
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                    if (n + 1 == messages) {
                        lastReceive[0] = now;
                        done.countDown();
                    }
                }
            });

            Channel outChannel = producer.createChannel();
            outChannel.confirmSelect();
            Semaphore permits = new Semaphore(window);
            ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();
            outChannel.addConfirmListener((seq, multiple) -> release(pending, permits, seq, multiple),
                    (seq, multiple) -> {
                        throw new IllegalStateException("the broker nacked message " + seq);
                    });
            byte[] padding = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                permits.acquire();
                pending.add(outChannel.getNextPublishSeqNo());
                outChannel.basicPublish(NAME, "", false, PERSISTENT, body(padding, size));
            }
            if (!done.await(300, TimeUnit.SECONDS)) {
                out.println("amqp: only " + received.get() + " of " + messages + " received in 300 s");
                return 1;
            }
            double seconds = (lastReceive[0] - start) / 1e9;
            Percentiles p = new Percentiles(latencies, messages);
            double rate = messages / seconds;
            out.printf("amqp ceiling: %d messages of %d bytes in %.2f s: %.0f msg/s; "
                    + "latency p50 %.2f p99 %.2f max %.2f ms%n", messages, size, seconds, rate, p.at(50) / 1e6,
                    p.at(99) / 1e6, p.max() / 1e6);
            out.printf("{\"mode\":\"amqp\",\"messages\":%d,\"msg_per_s\":%.0f,\"p50_ms\":%.3f,"
                    + "\"p99_ms\":%.3f,\"max_ms\":%.3f}%n", messages, rate, p.at(50) / 1e6, p.at(99) / 1e6,
                    p.max() / 1e6);
            setup.queueDelete(NAME);
            return 0;
        } catch (IOException | TimeoutException e) {
            throw new BenchException("amqp: " + e.getMessage());
        }
    }

    private static void release(ConcurrentSkipListSet<Long> pending, Semaphore permits,
            long seq, boolean multiple) {
        int count = 0;
        if (multiple) {
            for (Long s = pending.pollFirst(); s != null; s = pending.pollFirst()) {
                if (s > seq) {
                    pending.add(s);
                    break;
                }
                count++;
            }
        } else if (pending.remove(seq)) {
            count = 1;
        }
        permits.release(count);
    }

    /** {@code {"t":<nanoTime>,"p":"xx…"}} padded to {@code size} bytes. */
    private static byte[] body(byte[] padding, int size) {
        String head = "{\"t\":" + System.nanoTime() + ",\"p\":\"";
        byte[] body = new byte[Math.max(size, head.length() + 2)];
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(padding, 0, body, h.length, body.length - h.length - 2);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }

    private static long sentAt(byte[] body) {
        long t = 0;
        for (int i = 5; i < body.length && body[i] != ','; i++) {
            t = t * 10 + (body[i] - '0');
        }
        return t;
    }
}
