// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Produces random and mutated inputs from valid Broker encodings, reproducibly from a seed. */
public final class Mutator {

    private final Random random;
    private final List<byte[]> seeds;

    public Mutator(long seed, List<byte[]> seeds) {
        this.random = new Random(seed);
        this.seeds = seeds;
    }

    public byte[] next() {
        int choice = random.nextInt(10);
        if (choice == 0) {
            byte[] b = new byte[random.nextInt(80)];
            random.nextBytes(b);
            return b;
        }
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        switch (random.nextInt(7)) {
            case 0: // flip a bit
                if (b.length > 0) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            case 1: // replace a byte with an edge value
                if (b.length > 0) {
                    int[] edges = {0, 1, 0x7F, 0x80, 0xFF, 5, 6, 12, 13};
                    b[random.nextInt(b.length)] = (byte) edges[random.nextInt(edges.length)];
                }
                return b;
            case 2: // truncate
                return Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
            case 3: { // append junk
                byte[] tail = new byte[1 + random.nextInt(16)];
                random.nextBytes(tail);
                return concat(b, tail);
            }
            case 4: { // insert a huge varbyte somewhere
                int at = b.length == 0 ? 0 : random.nextInt(b.length);
                byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
                return concat(concat(Arrays.copyOf(b, at), huge), Arrays.copyOfRange(b, at, b.length));
            }
            case 5: // overwrite a 16-bit length with a large value
                if (b.length > 2) {
                    int at = random.nextInt(b.length - 1);
                    b[at] = (byte) 0xFF;
                    b[at + 1] = (byte) random.nextInt(256);
                }
                return b;
            default: { // splice with another seed
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int cut = b.length == 0 ? 0 : random.nextInt(b.length);
                return concat(Arrays.copyOf(b, cut), Arrays.copyOfRange(other, random.nextInt(other.length),
                        other.length));
            }
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
