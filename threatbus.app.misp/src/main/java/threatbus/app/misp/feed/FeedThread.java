// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one thread of a feed: started explicitly, stopped by a flag its loop polls. */
final class FeedThread {

    private static final Logger LOG = LoggerFactory.getLogger(FeedThread.class);

    private final Thread thread;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopping;
    private boolean started;

    FeedThread(String name, Runnable loop) {
        thread = new Thread(loop, name);
        thread.setDaemon(true);
    }

    synchronized void start() {
        if (started) {
            throw new IllegalStateException(thread.getName() + " was already started");
        }
        started = true;
        thread.start();
    }

    boolean stopping() {
        return stopping;
    }

    /** Waits on the feed's thread for a back-off, or less when the feed stops. @return whether to go on */
    boolean pause(Duration duration) {
        try {
            return !stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Asks the loop to stop and waits for it. The thread is interrupted only while {@code inHandler} says it
     * blocks in the handler, which is the one place a prompt stop cannot otherwise reach.
     *
     * @return whether the thread ended within the timeout
     */
    boolean stop(Runnable wakeUp, BooleanSupplier inHandler, Duration timeout) {
        stopping = true;
        stopSignal.countDown();
        if (!started || Thread.currentThread() == thread) {
            return !thread.isAlive();
        }
        wakeUp.run();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (thread.isAlive() && System.nanoTime() - deadline < 0) {
                if (!interrupted && inHandler.getAsBoolean()) {
                    thread.interrupt();
                    interrupted = true;
                }
                thread.join(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("{} did not stop within {} ms (a handler that ignores interrupts?); leaving it behind",
                    thread.getName(), timeout.toMillis());
            return false;
        }
        return true;
    }
}
