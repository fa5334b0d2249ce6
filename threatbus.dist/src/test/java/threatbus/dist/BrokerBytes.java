// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Zeek events as Broker bytes, written by hand from the encoding table of Broker's format (tag, big-endian
 * body, varbyte sizes), independently of the app's codec: what a real Zeek sends and must receive.
 */
final class BrokerBytes {

    private BrokerBytes() {
    }

    static byte[] count(long value) {
        return ByteBuffer.allocate(9).put((byte) 0x02).putLong(value).array();
    }

    static byte[] timestamp(long nanos) {
        return ByteBuffer.allocate(9).put((byte) 0x09).putLong(nanos).array();
    }

    static byte[] timespan(long nanos) {
        return ByteBuffer.allocate(9).put((byte) 0x0a).putLong(nanos).array();
    }

    static byte[] bool(boolean value) {
        return new byte[] {0x01, (byte) (value ? 1 : 0)};
    }

    static byte[] str(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {0x05}, size(bytes.length), bytes);
    }

    static byte[] vector(byte[]... elements) {
        return concat(new byte[] {0x0e}, size(elements.length), concat(elements));
    }

    /** A table of alternating keys and values. */
    static byte[] table(byte[]... keysAndValues) {
        return concat(new byte[] {0x0d}, size(keysAndValues.length / 2), concat(keysAndValues));
    }

    /** {@code vector[count 1, count 1, vector[name, vector args, vector[[count 1, timestamp]]]]} (Zeek 6+). */
    static byte[] event(String name, long networkTimeNanos, byte[]... args) {
        return vector(count(1), count(1), vector(str(name), vector(args),
                vector(vector(count(1), timestamp(networkTimeNanos)))));
    }

    /** The same without metadata, as Zeek 5 sends events. */
    static byte[] eventWithoutMetadata(String name, byte[]... args) {
        return vector(count(1), count(1), vector(str(name), vector(args)));
    }

    /** The single string argument of an event such as {@code subscription_acknowledged(p2p)}. */
    static String onlyStringArgument(byte[] event, String expectedName) {
        ByteBuffer in = ByteBuffer.wrap(event);
        expect(in, 0x0e, 3);
        expect(in, 0x02);
        in.getLong();
        expect(in, 0x02);
        in.getLong();
        in.get(); // the inner vector: 2 or 3 elements
        in.get();
        String name = readString(in);
        if (!name.equals(expectedName)) {
            throw new AssertionError("expected event " + expectedName + ", got " + name);
        }
        expect(in, 0x0e, 1);
        return readString(in);
    }

    private static String readString(ByteBuffer in) {
        expect(in, 0x05);
        int length = in.get();
        if (length < 0) {
            throw new AssertionError("string longer than this helper reads");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void expect(ByteBuffer in, int... bytes) {
        for (int b : bytes) {
            int actual = in.get() & 0xFF;
            if (actual != b) {
                throw new AssertionError(String.format("expected byte %02x at %d, got %02x", b, in.position() - 1,
                        actual));
            }
        }
    }

    private static byte[] size(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rest = n;
        while (rest > 0x7F) {
            out.write((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
