// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ShutdownSignalException;

import threatbus.api.BackboneUnavailableException;

/**
 * Publishes persistent messages with publisher confirms and keeps every message until the broker confirmed
 * it. At most {@code window} messages are unconfirmed at a time, so publishing is pipelined but bounded; a
 * message nacked by the broker, or left unconfirmed when the channel went away, is published again, first,
 * on the next channel. So a message the backbone took is either confirmed (on a durable queue: on disk) or
 * still here.
 *
 * <p>{@link #publish} is called by the bus's dispatcher thread, {@link #attach}/{@link #detach} by the
 * connection thread; the confirm callbacks run on the client's I/O thread and take no lock, so that a
 * publisher blocked on a full socket never stops confirms from being read.
 */
final class ConfirmedPublisher {

    private static final long PERMIT_POLL_MILLIS = 100;
    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(2).build();

    private final String exchange;
    private final int window;
    /** One permit per message not yet confirmed (in flight, nacked or waiting to be re-published). */
    private final Semaphore permits;
    /** Messages the broker nacked; their permits are still held. */
    private final Queue<byte[]> nacked = new ConcurrentLinkedQueue<>();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong republished = new AtomicLong();

    /** Guards channel, inFlight and leftOver; publishing on the channel happens under it too. */
    private final Object lock = new Object();
    private Channel channel;
    /** The current channel's messages awaiting a confirm, by publish sequence number. */
    private NavigableMap<Long, byte[]> inFlight = new ConcurrentSkipListMap<>();
    /** Messages of a lost channel, in publish order, to go out first on the next one. */
    private final Deque<byte[]> leftOver = new ArrayDeque<>();

    ConfirmedPublisher(String exchange, int window) {
        this.exchange = exchange;
        this.window = window;
        this.permits = new Semaphore(window);
    }

    /** Starts publishing on {@code next} (confirm mode is switched on here), re-publishing what is owed first. */
    void attach(Channel next) throws IOException {
        synchronized (lock) {
            NavigableMap<Long, byte[]> map = new ConcurrentSkipListMap<>();
            next.confirmSelect();
            next.addConfirmListener(new Confirms(map));
            channel = next;
            inFlight = map;
            while (!leftOver.isEmpty()) {
                send(leftOver.peekFirst());
                leftOver.pollFirst();
                republished.incrementAndGet();
            }
        }
    }

    /** The channel is gone: what it had not confirmed is kept for the next one. */
    void detach() {
        synchronized (lock) {
            channel = null;
            Deque<byte[]> owed = new ArrayDeque<>();
            for (Map.Entry<Long, byte[]> e = inFlight.pollFirstEntry(); e != null; e = inFlight.pollFirstEntry()) {
                owed.add(e.getValue());
            }
            for (byte[] body = nacked.poll(); body != null; body = nacked.poll()) {
                owed.add(body);
            }
            owed.addAll(leftOver);
            leftOver.clear();
            leftOver.addAll(owed);
        }
    }

    /**
     * Publishes {@code body}; returns once it is on the wire and tracked until confirmed.
     *
     * @throws BackboneUnavailableException when there is no channel: the caller keeps the message
     */
    void publish(byte[] body) throws BackboneUnavailableException {
        acquirePermit();
        synchronized (lock) {
            if (channel == null) {
                permits.release();
                throw new BackboneUnavailableException("not connected to RabbitMQ");
            }
            try {
                resendNacked();
                send(body);
            } catch (IOException | ShutdownSignalException e) {
                // the message did not make it into the window; the bus keeps it and retries
                permits.release();
                throw new BackboneUnavailableException("publishing to RabbitMQ failed: " + e.getMessage(), e);
            }
        }
    }

    /** Re-publishes nacked messages now, in case no new message comes to push them out. */
    void resendNackedNow() {
        synchronized (lock) {
            if (channel != null) {
                try {
                    resendNacked();
                } catch (IOException | ShutdownSignalException e) {
                    // the connection thread sees the channel go and detaches; the messages stay owed
                }
            }
        }
    }

    /**
     * After the last {@link #detach}: takes every message still owed (never confirmed), in publish order, and
     * releases their permits, so that the caller can hand them to someone else.
     */
    List<byte[]> takeOwed() {
        synchronized (lock) {
            List<byte[]> owed = new ArrayList<>(leftOver);
            leftOver.clear();
            for (byte[] body = nacked.poll(); body != null; body = nacked.poll()) {
                owed.add(body);
            }
            for (Map.Entry<Long, byte[]> e = inFlight.pollFirstEntry(); e != null; e = inFlight.pollFirstEntry()) {
                owed.add(e.getValue());
            }
            permits.release(owed.size());
            return owed;
        }
    }

    /** Waits until every message taken is confirmed; false if the timeout passed first. */
    boolean awaitConfirmed(long timeoutMillis) throws InterruptedException {
        if (permits.tryAcquire(window, timeoutMillis, TimeUnit.MILLISECONDS)) {
            permits.release(window);
            return true;
        }
        return false;
    }

    /** Messages taken but not confirmed yet. */
    int unconfirmed() {
        return window - permits.availablePermits();
    }

    long confirmed() {
        return confirmed.get();
    }

    long republished() {
        return republished.get();
    }

    private void acquirePermit() throws BackboneUnavailableException {
        try {
            while (!permits.tryAcquire(PERMIT_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                synchronized (lock) {
                    if (channel == null) {
                        throw new BackboneUnavailableException("not connected to RabbitMQ");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackboneUnavailableException("interrupted while waiting for RabbitMQ's confirms");
        }
    }

    /** Under the lock, with a channel. If sending fails, the body is not in the window. */
    private void send(byte[] body) throws IOException {
        long seq = channel.getNextPublishSeqNo();
        inFlight.put(seq, body);
        try {
            channel.basicPublish(exchange, "", false, PERSISTENT, body);
        } catch (IOException | RuntimeException e) {
            inFlight.remove(seq);
            throw e;
        }
    }

    /** Under the lock, with a channel. */
    private void resendNacked() throws IOException {
        for (byte[] body = nacked.peek(); body != null; body = nacked.peek()) {
            send(body);
            nacked.poll();
            republished.incrementAndGet();
        }
    }

    /** The confirms of one channel, applied to that channel's window only. */
    private final class Confirms implements ConfirmListener {
        private final NavigableMap<Long, byte[]> map;

        Confirms(NavigableMap<Long, byte[]> map) {
            this.map = map;
        }

        @Override
        public void handleAck(long seq, boolean multiple) {
            int done = take(seq, multiple, null);
            confirmed.addAndGet(done);
            permits.release(done);
        }

        @Override
        public void handleNack(long seq, boolean multiple) {
            take(seq, multiple, nacked);
        }

        /** Removes the confirmed entries; returns how many. Nacked ones go to {@code into}, keeping permits. */
        private int take(long seq, boolean multiple, Queue<byte[]> into) {
            int count = 0;
            if (multiple) {
                for (Map.Entry<Long, byte[]> e = map.firstEntry(); e != null && e.getKey() <= seq;
                        e = map.firstEntry()) {
                    if (map.remove(e.getKey(), e.getValue())) {
                        count++;
                        if (into != null) {
                            into.add(e.getValue());
                        }
                    }
                }
            } else {
                byte[] body = map.remove(seq);
                if (body != null) {
                    count++;
                    if (into != null) {
                        into.add(body);
                    }
                }
            }
            return count;
        }
    }
}
