// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import threatbus.api.message.Message;

/**
 * The bus's one bounded FIFO of accepted messages. Publishers wait at most a timeout for room; the
 * dispatcher takes from the head. The capacity can change at run time (shrinking never drops anything: it
 * only stops accepting until the queue is below the new bound).
 */
final class Inbox {

    /** All fields are guarded by {@code lock}. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private int capacity;

    Inbox(int capacity) {
        this.capacity = requirePositive(capacity);
    }

    /** Appends {@code message}, waiting up to {@code timeoutMillis} for room. Returns false if there was none. */
    boolean offer(Message message, long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lockInterruptibly();
        try {
            while (queue.size() >= capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            queue.addLast(message);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The head, waiting up to {@code timeoutMillis} for one; null if the inbox stayed empty. The head stays in
     * the inbox (and counts against its capacity) until {@link #removeHead()}: a message leaves the bus only
     * when a backbone took it. Only one thread may consume.
     */
    Message peek(long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return queue.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the head returned by {@link #peek}. */
    void removeHead() {
        lock.lock();
        try {
            queue.pollFirst();
            notFull.signal();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        lock.lock();
        try {
            return capacity;
        } finally {
            lock.unlock();
        }
    }

    void setCapacity(int capacity) {
        lock.lock();
        try {
            this.capacity = requirePositive(capacity);
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static int requirePositive(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("inbox.capacity must be at least 1, got " + capacity);
        }
        return capacity;
    }
}
