// SPDX-License-Identifier: BSD-3-Clause
package threatbus.testing;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;

/**
 * What one call of a decoder may allocate, checked on every fuzz input: a decoder fed hostile bytes must
 * fail with its typed error, and must not build a structure far larger than what it was given (the
 * amplification that makes a small frame exhaust memory). Measured with the JVM's per-thread allocation
 * counter; a call over the limit is repeated once, because the first run of a code path links call sites
 * (string concatenation, lambdas) and that is not what the input costs.
 */
public final class AllocationLimit {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * While Jazzer fuzzes, its hooks on comparisons and regular expressions allocate on the decoder's thread
     * too: a 102-character STIX pattern that allocates 4 KB in the build allocated 370 KB instrumented. The
     * limit is raised by this factor then; it still stops an input that makes a decoder trust a length field
     * or build a structure a thousand times its size, and the build checks every past finding at the real limit.
     */
    private static final int FUZZING_FACTOR = 100;

    private final long fixedBytes;
    private final long bytesPerInputByte;

    /** At most {@code fixedBytes + bytesPerInputByte × input length} per call. */
    public AllocationLimit(long fixedBytes, long bytesPerInputByte) {
        if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
            throw new IllegalStateException("this JVM does not count allocations per thread");
        }
        int factor = System.getenv("JAZZER_FUZZ") == null ? 1 : FUZZING_FACTOR;
        this.fixedBytes = factor * fixedBytes;
        this.bytesPerInputByte = factor * bytesPerInputByte;
    }

    /** A step that may throw the decoder's typed error; the limit passes that through. */
    @FunctionalInterface
    public interface Decoding<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code decoding} of {@code input} and fails with an {@link AssertionError} naming the input if it
     * allocated more than the limit; otherwise returns its result or throws its exception.
     */
    public <T, E extends Exception> T check(byte[] input, Decoding<T, E> decoding) throws E {
        long limit = fixedBytes + bytesPerInputByte * input.length;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            return decoding.run();
        } finally {
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (allocated > limit) {
                long again = repeat(decoding);
                if (again > limit) {
                    throw new AssertionError(again + " bytes allocated for an input of " + input.length
                            + " bytes, limit " + limit + ": " + HexFormat.of().formatHex(input));
                }
            }
        }
    }

    private static long repeat(Decoding<?, ?> decoding) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            decoding.run();
        } catch (Exception e) {
            // the typed error again: only the allocation is of interest here
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
