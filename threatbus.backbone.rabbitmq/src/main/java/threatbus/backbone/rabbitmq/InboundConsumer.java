// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import threatbus.api.Outbox;
import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.routing.TopicTable;

/**
 * Takes messages from this host's queue, decodes them by their {@code "type"} (spec §1.11, the codec every
 * transport uses), drops redeliveries, and puts each into the outboxes of the matching subscriptions; only then
 * is it acked, so a message is acked once the bus owns it. An undecodable message is dead-lettered and counted,
 * then acked; if dead-lettering fails it is left unacked and comes back after the reconnect.
 *
 * <p>The client calls it on one thread at a time for its channel.
 */
final class InboundConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(InboundConsumer.class);

    private final TopicTable<Outbox> routes;
    private final DuplicateFilter duplicates;
    private final DeadLetters deadLetters;
    private final Counters counters;

    InboundConsumer(Channel channel, TopicTable<Outbox> routes, DuplicateFilter duplicates, DeadLetters deadLetters,
            Counters counters) {
        super(channel);
        this.routes = routes;
        this.duplicates = duplicates;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
            throws IOException {
        Message message;
        try {
            message = MessageCodec.decode(body);
        } catch (MessageFormatException | RuntimeException e) {
            deadLetter(envelope, body, e);
            return;
        }
        if (duplicates.isDuplicate(message)) {
            counters.duplicates.incrementAndGet();
        } else {
            routes.route(message.topic(), outbox -> deliver(outbox, message));
            counters.received.incrementAndGet();
        }
        getChannel().basicAck(envelope.getDeliveryTag(), false);
    }

    /** The broker cancelled the consumer (its queue was deleted): start over, which declares the queue again. */
    @Override
    public void handleCancel(String consumerTag) throws IOException {
        LOG.warn("RabbitMQ cancelled the consumer of this host's queue; reconnecting");
        getChannel().abort();
    }

    private void deadLetter(Envelope envelope, byte[] body, Exception problem) throws IOException {
        String reason = problem.getClass().getSimpleName() + ": " + problem.getMessage();
        try {
            deadLetters.park(body, reason);
        } catch (IOException e) {
            LOG.error("Cannot dead-letter an undecodable message ({}); it stays in the queue: {}", reason,
                    e.getMessage());
            throw e; // closes the channel: the message is redelivered after the reconnect
        }
        long count = counters.deadLettered.incrementAndGet();
        LOG.warn("Dead-lettered an undecodable message of {} bytes ({} so far): {}", body.length, count, reason);
        getChannel().basicAck(envelope.getDeliveryTag(), false);
        counters.changed();
    }

    private static void deliver(Outbox outbox, Message message) {
        try {
            outbox.put(message);
        } catch (RuntimeException e) {
            LOG.error("Delivery of {} to {} failed", message.typeName(), outbox, e);
        }
    }

    /** What the backbone counts; read by the status. */
    static final class Counters {
        final AtomicLong received = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong deadLettered = new AtomicLong();
        private final Runnable onChange;

        Counters(Runnable onChange) {
            this.onChange = onChange;
        }

        /** A count people should see right away (dead letters) changed. */
        void changed() {
            onChange.run();
        }
    }
}
