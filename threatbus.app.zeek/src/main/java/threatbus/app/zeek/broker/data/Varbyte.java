// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Broker's variable-length sizes: 7 bits per byte, least significant group first, high bit set on every byte
 * but the last. Broker writes and reads only 32-bit values ({@code format/bin.hh} casts to {@code uint32_t}),
 * so a size takes at most five bytes and never exceeds {@code 2^32 - 1}.
 */
public final class Varbyte {

    /** The largest size Broker can write. */
    public static final long MAX = 0xFFFF_FFFFL;

    private static final int MAX_BYTES = 5;

    private Varbyte() {
    }

    /** Appends {@code value} (0 to {@link #MAX}). */
    public static void write(long value, ByteArrayOutputStream out) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("size out of Broker's 32-bit range: " + value);
        }
        long rest = value;
        while (rest > 0x7F) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    /**
     * Reads a size at the buffer's position and advances past it.
     *
     * @throws BrokerDataException if the input ends inside the size, or it is longer than five bytes or larger
     *         than 32 bits
     */
    public static long read(ByteBuffer in) throws BrokerDataException {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (!in.hasRemaining()) {
                throw new BrokerDataException("input ends inside a size", in.position());
            }
            int b = in.get() & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (value > MAX) {
                    throw new BrokerDataException("size larger than 32 bits", in.position() - 1);
                }
                return value;
            }
        }
        throw new BrokerDataException("size longer than five bytes", in.position() - 1);
    }
}
