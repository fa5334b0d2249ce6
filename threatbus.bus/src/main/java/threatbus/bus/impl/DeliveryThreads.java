// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that drain outboxes into subscribers. An elastic pool: a subscriber that blocks holds one
 * thread and nobody else waits for it; idle threads end after a minute.
 */
final class DeliveryThreads {

    private DeliveryThreads() {
    }

    static ExecutorService newExecutor() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "threatbus-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static void shutdown(ExecutorService executor, long timeoutMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
