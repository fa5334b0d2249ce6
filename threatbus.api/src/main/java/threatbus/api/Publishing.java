// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import threatbus.api.message.Message;

/**
 * Publishing for intakes that can hold their source back (a socket they stop reading, a feed they stop
 * polling): instead of losing a message the bus refused for lack of room, they wait and offer it again, and
 * the backlog stays where it came from.
 */
public final class Publishing {

    private static final long RETRY_MILLIS = 10;

    private Publishing() {
    }

    /**
     * Publishes {@code message}, offering it again while the bus is full.
     *
     * @param keepTrying false once the caller is stopping
     * @param firstRefusal runs once, the first time the bus refuses the message (to count waits)
     * @return true when the bus accepted the message; false when the caller stopped or was interrupted first
     *         (the interrupt flag is kept)
     */
    public static boolean untilAccepted(Bus bus, Message message, BooleanSupplier keepTrying, Runnable firstRefusal) {
        boolean refused = false;
        while (keepTrying.getAsBoolean()) {
            try {
                bus.publish(message);
                return true;
            } catch (BusOverloadedException e) {
                if (!refused) {
                    firstRefusal.run();
                    refused = true;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
