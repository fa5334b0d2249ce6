// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.inmem;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Backbone;
import threatbus.api.BackboneName;
import threatbus.api.BackboneUnavailableException;
import threatbus.api.Outbox;
import threatbus.api.message.Message;
import threatbus.api.routing.TopicTable;

/**
 * The in-memory backbone (spec §2.1): messages never leave the process. The bus's dispatcher hands each
 * message over; one routing thread puts it, the same object, into the outbox of every subscription whose
 * topic prefix matches, in order: FIFO per subscriber, no copies.
 *
 * <p>Nothing is lost when the backbone stops: it refuses new messages first (the bus keeps them for the next
 * backbone), then routes everything it already took.
 */
@Component(name = InmemBackbone.PID, immediate = true)
@BackboneName(name = "inmem")
@Designate(ocd = InmemConfig.class)
public final class InmemBackbone implements Backbone {

    public static final String PID = "threatbus.backbone.inmem";

    private static final Logger LOG = LoggerFactory.getLogger(InmemBackbone.class);
    private static final long POLL_MILLIS = 100;

    private final TopicTable<Outbox> routes = new TopicTable<>();
    private final BlockingQueue<Message> handoff;
    private final Thread router;
    /** publish holds the read lock; stopping takes the write lock, so nothing is queued after the last drain. */
    private final ReadWriteLock stopping = new ReentrantReadWriteLock();
    private volatile boolean running = true;

    @Activate
    public InmemBackbone(InmemConfig config) {
        if (config.handoff_capacity() < 1) {
            throw new IllegalArgumentException("handoff.capacity must be at least 1, got " + config.handoff_capacity());
        }
        handoff = new ArrayBlockingQueue<>(config.handoff_capacity());
        router = new Thread(this::route, "threatbus-inmem-router");
        router.setDaemon(true);
        router.start();
        LOG.info("In-memory backbone started (ranking {})", config.service_ranking());
    }

    @Override
    public void publish(Message message) throws BackboneUnavailableException {
        stopping.readLock().lock();
        try {
            while (running) {
                if (handoff.offer(message, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new BackboneUnavailableException("the in-memory backbone is stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackboneUnavailableException("interrupted while handing a message to the in-memory backbone");
        } finally {
            stopping.readLock().unlock();
        }
    }

    @Override
    public void subscribe(Outbox outbox) {
        outbox.topics().forEach(topic -> routes.add(topic, outbox));
    }

    @Override
    public void unsubscribe(Outbox outbox) {
        outbox.topics().forEach(topic -> routes.remove(topic, outbox));
    }

    /** Messages taken over but not routed yet. */
    int backlog() {
        return handoff.size();
    }

    private void route() {
        while (running || !handoff.isEmpty()) {
            Message message;
            try {
                message = running ? handoff.take() : handoff.poll();
            } catch (InterruptedException e) {
                continue; // stopping interrupts the wait; the loop condition decides whether to go on
            }
            if (message != null) {
                routes.route(message.topic(), outbox -> deliver(outbox, message));
            }
        }
    }

    private static void deliver(Outbox outbox, Message message) {
        try {
            outbox.put(message);
        } catch (RuntimeException e) {
            LOG.error("Delivery of {} to {} failed", message.typeName(), outbox, e);
        }
    }

    @Deactivate
    void deactivate() {
        stopping.writeLock().lock();
        try {
            running = false;
        } finally {
            stopping.writeLock().unlock();
        }
        router.interrupt();
        try {
            router.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("In-memory backbone stopped");
    }
}
