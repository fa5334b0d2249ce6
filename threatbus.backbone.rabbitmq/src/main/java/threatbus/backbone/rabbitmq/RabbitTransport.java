// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

import threatbus.api.Backbone;
import threatbus.api.BackboneUnavailableException;
import threatbus.api.Outbox;
import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.routing.TopicTable;

/**
 * The backbone itself, without OSGi: messages go out to the fanout exchange, persistent and confirmed, and
 * come back through this host's queue (as in the original, local subscribers get their messages through the
 * broker too), where they are routed by topic prefix to the outboxes. While RabbitMQ is away {@link #publish}
 * refuses, so the bus keeps accepting into its bounded inbox, and the state says "disconnected".
 */
final class RabbitTransport implements Backbone {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitTransport.class);
    private static final long STOP_CONFIRM_MILLIS = 5_000;

    private final RabbitSettings settings;
    private final TopicTable<Outbox> routes = new TopicTable<>();
    private final ConfirmedPublisher publisher;
    private final DuplicateFilter duplicates;
    private final DeadLetters deadLetters;
    private final InboundConsumer.Counters counters;
    private final ConnectionLoop loop;
    private final Consumer<String> stateListener;
    private volatile boolean accepting = true;
    private volatile String connection = "connecting";

    /** @param stateListener told the state for people whenever it changes; must not block */
    RabbitTransport(RabbitSettings settings, Consumer<String> stateListener) {
        this.settings = settings;
        this.stateListener = stateListener;
        this.publisher = new ConfirmedPublisher(settings.exchange(), settings.confirmWindow());
        this.duplicates = new DuplicateFilter(settings.duplicateWindow());
        this.deadLetters = new DeadLetters(settings.deadLetterExchange(), settings.queueName());
        this.counters = new InboundConsumer.Counters(this::report);
        this.loop = new ConnectionLoop(settings, factory(settings), publisher, deadLetters, new Events());
    }

    /** Connects in the background; returns at once. */
    void start() {
        loop.start();
        LOG.info("RabbitMQ backbone started: {}", settings);
    }

    /**
     * Refuses new messages, waits a little for the broker to confirm those taken, and disconnects. Messages
     * still unconfirmed then (the broker is away) go to {@code handBack}, so that they are not lost with the
     * backbone: the component gives them back to the bus, which publishes them on the next backbone.
     */
    void stop(Consumer<Message> handBack) {
        accepting = false;
        long deadline = System.currentTimeMillis() + STOP_CONFIRM_MILLIS;
        try {
            // confirms can only come while connected: no point waiting for them otherwise
            boolean confirmed = false;
            while (!confirmed && connection.startsWith("connected") && System.currentTimeMillis() < deadline) {
                confirmed = publisher.awaitConfirmed(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.stop();
        List<byte[]> owed = publisher.takeOwed();
        if (!owed.isEmpty()) {
            LOG.warn("Stopping with {} messages RabbitMQ has not confirmed; handing them back to the bus",
                    owed.size());
            for (byte[] body : owed) {
                try {
                    handBack.accept(MessageCodec.decode(body));
                } catch (MessageFormatException | RuntimeException e) {
                    LOG.error("A message RabbitMQ has not confirmed could not be handed back: {}", e.getMessage());
                }
            }
        }
        LOG.info("RabbitMQ backbone stopped: {} received, {} duplicates dropped, {} dead-lettered, {} republished",
                counters.received.get(), counters.duplicates.get(), counters.deadLettered.get(),
                publisher.republished());
    }

    @Override
    public void publish(Message message) throws BackboneUnavailableException {
        if (!accepting) {
            throw new BackboneUnavailableException("the RabbitMQ backbone is stopping");
        }
        publisher.publish(message.json().toByteArray());
    }

    @Override
    public void subscribe(Outbox outbox) {
        outbox.topics().forEach(topic -> routes.add(topic, outbox));
    }

    @Override
    public void unsubscribe(Outbox outbox) {
        outbox.topics().forEach(topic -> routes.remove(topic, outbox));
    }

    /** For people: connected or why not, and what was dead-lettered. */
    String state() {
        long dead = counters.deadLettered.get();
        return dead == 0 ? connection : connection + ", " + dead + " dead-lettered";
    }

    long received() {
        return counters.received.get();
    }

    long duplicates() {
        return counters.duplicates.get();
    }

    long deadLettered() {
        return counters.deadLettered.get();
    }

    int unconfirmed() {
        return publisher.unconfirmed();
    }

    private void report() {
        stateListener.accept(state());
    }

    private static ConnectionFactory factory(RabbitSettings settings) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setUsername(settings.username());
        factory.setPassword(settings.password());
        factory.setVirtualHost(settings.vhost());
        factory.setAutomaticRecoveryEnabled(false); // ConnectionLoop recovers, see there
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setRequestedHeartbeat(10);
        if (settings.tls()) {
            factory.useSslProtocol(TlsContexts.create(settings));
            if (settings.verifyHostname()) {
                factory.enableHostnameVerification();
            }
        }
        return factory;
    }

    /** The connection loop's news. */
    private final class Events implements ConnectionLoop.Listener {
        @Override
        public void connected() {
            connection = "connected";
            report();
        }

        @Override
        public void disconnected(String reason) {
            String next = "disconnected: " + reason;
            if (!next.equals(connection)) {
                connection = next;
                report();
            }
        }

        @Override
        public void blocked(String reason) {
            connection = reason == null ? "connected" : "connected, blocked by the broker: " + reason;
            report();
        }

        @Override
        public void consume(Channel channel) throws IOException {
            channel.basicConsume(settings.queueName(), false,
                    new InboundConsumer(channel, routes, duplicates, deadLetters, counters));
        }
    }
}
