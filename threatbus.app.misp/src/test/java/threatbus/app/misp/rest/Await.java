// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline; for state that has no queue to block on. */
final class Await {

    private Await() {
    }

    static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(2);
        }
    }
}
