// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline; never sleep-then-assert. */
final class Await {

    private static final long TIMEOUT_MILLIS = 20_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    /** Waits for {@code condition}; on timeout the failure includes {@code state}. */
    static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
