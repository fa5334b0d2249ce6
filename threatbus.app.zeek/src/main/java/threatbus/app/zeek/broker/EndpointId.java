// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Broker endpoint ID: 16 opaque bytes. Broker decides who originates a handshake by comparing IDs with
 * {@code memcmp}, so ordering is unsigned and lexicographic ({@link Arrays#compareUnsigned}), not
 * {@code UUID.compareTo}, which compares signed longs.
 */
public final class EndpointId implements Comparable<EndpointId> {

    /** Size of an ID on the wire. */
    public static final int SIZE = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EndpointId NIL = new EndpointId(new byte[SIZE]);

    private final byte[] bytes;

    private EndpointId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A fresh random ID. */
    public static EndpointId random() {
        byte[] b = new byte[SIZE];
        RANDOM.nextBytes(b);
        return new EndpointId(b);
    }

    /** The all-zero ID, which Broker uses as "no receiver" (broadcast to subscribers). */
    public static EndpointId nil() {
        return NIL;
    }

    /** Copies exactly {@link #SIZE} bytes. */
    public static EndpointId of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("endpoint ID needs " + SIZE + " bytes, got " + bytes.length);
        }
        return new EndpointId(bytes.clone());
    }

    /** Parses 32 hex digits as printed by {@link #toString()}. */
    public static EndpointId parse(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** A copy of the 16 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    boolean isNil() {
        return equals(NIL);
    }

    @Override
    public int compareTo(EndpointId other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
