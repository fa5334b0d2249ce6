// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

/** Seconds-plus-nanoseconds to a single {@code long} of nanoseconds, the resolution Broker sends times in. */
final class Nanos {

    static final long PER_SECOND = 1_000_000_000L;

    private Nanos() {
    }

    static long of(long seconds, int nanoAdjustment) {
        try {
            return Math.addExact(Math.multiplyExact(seconds, PER_SECOND), nanoAdjustment);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("does not fit in 64 bits of nanoseconds: " + seconds + "s", e);
        }
    }
}
