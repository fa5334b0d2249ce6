// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A peer's writer queue. Data is bounded by the configured capacity and refused, not waited for, when full.
 * Protocol frames (pongs, routing updates) go first and are never refused for data; they have their own bound,
 * because a peer that sends pings without reading pongs must not grow it without limit.
 */
final class OutboundQueue {

    /** A frame to write; {@code last} ends the peering after it (our pong to a BYE ping). */
    record Item(byte[] frame, boolean data, boolean last) {
    }

    static final int CONTROL_CAPACITY = 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Item> control = new ArrayDeque<>();
    private final ArrayDeque<Item> data = new ArrayDeque<>();
    private final int capacity;
    private boolean closed;

    OutboundQueue(int capacity) {
        this.capacity = capacity;
    }

    SendResult offerData(byte[] frame) {
        lock.lock();
        try {
            if (closed) {
                return SendResult.CLOSED;
            }
            if (data.size() >= capacity) {
                return SendResult.QUEUE_FULL;
            }
            data.add(new Item(frame, true, false));
            notEmpty.signal();
            return SendResult.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a protocol frame; with {@code last}, refuses everything after it.
     *
     * @return false if closed or the control bound is reached
     */
    boolean offerControl(byte[] frame, boolean last) {
        lock.lock();
        try {
            if (closed || control.size() >= CONTROL_CAPACITY) {
                return false;
            }
            control.add(new Item(frame, false, last));
            closed = last;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next item, waiting if there is none; {@code null} once closed and drained of a final item. */
    Item take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Item next = control.poll();
                if (next == null && !closed) {
                    next = data.poll();
                }
                if (next != null) {
                    return next;
                }
                if (closed) {
                    return null;
                }
                notEmpty.await();
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return control.isEmpty() && (closed || data.isEmpty());
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return control.size() + data.size();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further items and wakes the writer; items not yet taken are dropped. */
    void close() {
        lock.lock();
        try {
            closed = true;
            control.clear();
            data.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
