// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.util.concurrent.CountDownLatch;

/**
 * The steps every publisher goes through together: warm up until told to stop, wait for the
 * start, send, then keep the socket open until the run is over (closing it early could discard
 * frames still queued in ZeroMQ). {@link #abort} releases every wait.
 */
final class Phases {
    private volatile boolean warmupOver;
    private volatile boolean aborted;
    private final CountDownLatch start = new CountDownLatch(1);
    private final CountDownLatch over = new CountDownLatch(1);

    boolean warmupOver() {
        return warmupOver || aborted;
    }

    void endWarmup() {
        warmupOver = true;
    }

    /** Returns false if the run was aborted instead of started. */
    boolean awaitStart() throws InterruptedException {
        start.await();
        return !aborted;
    }

    void start() {
        start.countDown();
    }

    void awaitOver() throws InterruptedException {
        over.await();
    }

    void over() {
        over.countDown();
    }

    boolean aborted() {
        return aborted;
    }

    void abort() {
        aborted = true;
        warmupOver = true;
        start.countDown();
        over.countDown();
    }
}
