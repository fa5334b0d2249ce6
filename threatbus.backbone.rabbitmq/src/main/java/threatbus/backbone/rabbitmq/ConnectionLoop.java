// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * Owns the connection: connects, declares the topology, attaches the publisher and the dead-letter channel,
 * starts consuming, and when anything of it fails starts over after a delay that doubles up to a maximum.
 * The client's own automatic recovery is off: after a reconnect the owed messages must be re-published before
 * new ones, on a channel whose confirms are tracked from scratch, and that order is easiest to keep here.
 *
 * <p>Runs on its own thread, so that activation never waits for the broker.
 */
final class ConnectionLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLoop.class);
    private static final long TICK_MILLIS = 1_000;
    private static final int CLOSE_TIMEOUT_MILLIS = 2_000;

    /** What the loop tells the backbone. */
    interface Listener {
        /** Consuming and publishing work now. */
        void connected();

        /** Publishing stopped; {@code reason} says why, for people. */
        void disconnected(String reason);

        /** The broker stopped reading (a memory or disk alarm): publishing waits; null when it reads again. */
        void blocked(String reason);

        /** Starts consuming on {@code channel} (prefetch set); returns after basicConsume. */
        void consume(Channel channel) throws IOException;
    }

    private final RabbitSettings settings;
    private final ConnectionFactory factory;
    private final ConfirmedPublisher publisher;
    private final DeadLetters deadLetters;
    private final Listener listener;
    private final Thread thread;
    /** Guards lost and wakes the loop; running is volatile for the fast check. */
    private final Object monitor = new Object();
    private boolean lost;
    private volatile boolean running = true;
    private volatile Connection connection;

    ConnectionLoop(RabbitSettings settings, ConnectionFactory factory, ConfirmedPublisher publisher,
            DeadLetters deadLetters, Listener listener) {
        this.settings = settings;
        this.factory = factory;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.listener = listener;
        this.thread = new Thread(this, "threatbus-rabbitmq-connection");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops reconnecting and closes the connection. */
    void stop() {
        running = false;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            thread.join(CLOSE_TIMEOUT_MILLIS * 3L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        long delay = settings.reconnectInitialMillis();
        String lastProblem = null;
        while (running) {
            try {
                connect();
                LOG.info("Connected to RabbitMQ at {}", settings);
                lastProblem = null;
                delay = settings.reconnectInitialMillis();
                listener.connected();
                awaitLoss();
            } catch (IOException | TimeoutException | RuntimeException e) {
                String problem = describe(e);
                if (!problem.equals(lastProblem)) {
                    LOG.warn("Cannot connect to or set up RabbitMQ at {}: {}; retrying every {} to {} ms", settings,
                            problem, settings.reconnectInitialMillis(), settings.reconnectMaxMillis());
                    lastProblem = problem;
                }
                listener.disconnected(problem);
            } finally {
                publisher.detach();
                close();
            }
            if (running) {
                listener.disconnected(lastProblem == null ? "connection lost, reconnecting" : lastProblem);
                pause(delay);
                delay = Math.min(delay * 2, settings.reconnectMaxMillis());
            }
        }
        listener.disconnected("stopped");
    }

    private void connect() throws IOException, TimeoutException {
        synchronized (monitor) {
            lost = false;
        }
        Connection next = factory.newConnection(settings.connectionName());
        connection = next;
        next.addShutdownListener(this::onShutdown);
        next.addBlockedListener(reason -> {
            LOG.warn("RabbitMQ blocks publishing: {}", reason);
            listener.blocked(reason);
        }, () -> {
            LOG.info("RabbitMQ accepts messages again");
            listener.blocked(null);
        });
        Channel setup = next.createChannel();
        Topology.declare(setup, settings);
        setup.close();
        Channel dead = next.createChannel();
        dead.addShutdownListener(this::onShutdown);
        deadLetters.attach(dead);
        Channel publish = next.createChannel();
        publish.addShutdownListener(this::onShutdown);
        publisher.attach(publish);
        Channel consume = next.createChannel();
        consume.addShutdownListener(this::onShutdown);
        consume.basicQos(settings.prefetch());
        listener.consume(consume);
    }

    /** Called for the connection and for each channel: a lost connection is reported once. */
    private void onShutdown(ShutdownSignalException cause) {
        synchronized (monitor) {
            if (!lost && running && !cause.isInitiatedByApplication()) {
                LOG.warn("RabbitMQ connection lost: {}", cause.getMessage());
            }
            lost = true;
            monitor.notifyAll();
        }
    }

    private void awaitLoss() {
        while (true) {
            synchronized (monitor) {
                if (!running || lost) {
                    return;
                }
                try {
                    monitor.wait(TICK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!running || lost) {
                    return;
                }
            }
            // outside the monitor: the client's I/O thread takes it to report a loss
            publisher.resendNackedNow();
        }
    }

    private void pause(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (monitor) {
            for (long left = millis; running && left > 0; left = deadline - System.currentTimeMillis()) {
                try {
                    monitor.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void close() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close(CLOSE_TIMEOUT_MILLIS);
            } catch (IOException | ShutdownSignalException e) {
                current.abort(CLOSE_TIMEOUT_MILLIS); // already going; make sure its threads end
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
