// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutation fuzzer for {@link BrokerDataCodec#decode(byte[])}. Seeds are valid encodings (random values, a Zeek
 * event, deep nesting); each input applies one to three mutations: bit flips, byte overwrites, truncation,
 * inflated or inserted size fields, insertions, deletions, splices, or plain random bytes. A finding is any
 * outcome other than a value or a {@link BrokerDataException}, an accepted value that cannot be re-encoded and
 * decoded again, or a decode slower than {@link #SLOW_NANOS}.
 *
 * <p>Run with {@code java ... BrokerDataFuzz [inputs] [seed]}, or through {@code BrokerDataFuzzTest} with
 * {@code -Dthreatbus.fuzz.inputs=1000000}.
 */
public final class BrokerDataFuzz {

    static final long SLOW_NANOS = 1_000_000_000L;
    private static final int MAX_FINDINGS_KEPT = 20;
    private static final byte[] INTERESTING = {0x00, 0x01, 0x02, 0x05, 0x07, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x5f,
        0x60, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0xff};
    private static final byte[][] BIG_SIZES = {{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
        {(byte) 0x80, (byte) 0x80, 0x01}, {(byte) 0xff, 0x7f}, {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
            (byte) 0x80, 0x01}, {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x1f}};

    /** Outcome of a run. */
    record Result(long executions, long accepted, long rejected, long findingCount, List<String> findings,
            long maxDecodeNanos) {
    }

    private BrokerDataFuzz() {
    }

    public static void main(String[] args) {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("threatbus.fuzz.inputs",
                1_000_000);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20220516L;
        long start = System.nanoTime();
        Result r = run(seed, inputs);
        System.out.println(report(r, seed, System.nanoTime() - start));
        System.exit(r.findingCount() == 0 ? 0 : 1);
    }

    static String report(Result r, long seed, long elapsedNanos) {
        return String.format("BrokerDataFuzz seed=%d executions=%d accepted=%d rejected=%d findings=%d "
                + "maxDecodeMicros=%d elapsedMillis=%d%s", seed, r.executions(), r.accepted(), r.rejected(),
                r.findingCount(), r.maxDecodeNanos() / 1000, elapsedNanos / 1_000_000,
                r.findings().isEmpty() ? "" : "\n  " + String.join("\n  ", r.findings()));
    }

    static Result run(long seed, int inputs) {
        Random random = new Random(seed);
        List<byte[]> corpus = seeds(random);
        long accepted = 0;
        long rejected = 0;
        long findingCount = 0;
        long maxNanos = 0;
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            byte[] input = mutate(random, corpus);
            String finding = null;
            long t0 = System.nanoTime();
            try {
                BrokerData value = BrokerDataCodec.decode(input);
                accepted++;
                BrokerDataCodec.decode(BrokerDataCodec.encode(value));
            } catch (BrokerDataException e) {
                rejected++;
            } catch (Throwable t) {
                finding = t.toString();
            }
            long nanos = System.nanoTime() - t0;
            maxNanos = Math.max(maxNanos, nanos);
            if (finding == null && nanos > SLOW_NANOS) {
                finding = "slow: " + nanos / 1_000_000 + " ms";
            }
            if (finding != null) {
                findingCount++;
                if (findings.size() < MAX_FINDINGS_KEPT) {
                    findings.add(finding + " on " + Hex.of(Arrays.copyOf(input, Math.min(input.length, 64))));
                }
            }
        }
        return new Result(inputs, accepted, rejected, findingCount, List.copyOf(findings), maxNanos);
    }

    private static List<byte[]> seeds(Random random) {
        List<byte[]> corpus = new ArrayList<>();
        RandomBrokerData values = new RandomBrokerData(random, 4);
        for (int i = 0; i < 300; i++) {
            corpus.add(BrokerDataCodec.encode(values.next()));
        }
        corpus.add(BrokerDataCodec.encode(ZeekEvent.of("Tenzir::intel", java.time.Instant.EPOCH,
                BrokerData.vector(BrokerData.str("indicator--1"), BrokerData.str("6.6.6.6"))).toData()));
        corpus.add(Hex.bytes("0e01".repeat(BrokerDataCodec.MAX_DEPTH) + "00"));
        return corpus;
    }

    static byte[] mutate(Random random, List<byte[]> corpus) {
        if (random.nextInt(50) == 0) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] b = corpus.get(random.nextInt(corpus.size()));
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            b = mutateOnce(random, b, corpus);
        }
        return b;
    }

    private static byte[] mutateOnce(Random random, byte[] in, List<byte[]> corpus) {
        byte[] b = in.clone();
        int pos = b.length == 0 ? 0 : random.nextInt(b.length);
        switch (random.nextInt(8)) {
            case 0 -> {
                if (b.length > 0) {
                    b[pos] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                if (b.length > 0) {
                    b[pos] = INTERESTING[random.nextInt(INTERESTING.length)];
                }
                return b;
            }
            case 2 -> {
                return Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
            }
            case 3 -> {
                return insert(b, pos, BIG_SIZES[random.nextInt(BIG_SIZES.length)]);
            }
            case 4 -> {
                if (b.length > 0) {
                    b[pos] = (byte) (0x80 | random.nextInt(0x80));
                }
                return b;
            }
            case 5 -> {
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                return insert(b, pos, extra);
            }
            case 6 -> {
                int len = Math.min(b.length - pos, 1 + random.nextInt(8));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, pos);
                System.arraycopy(b, pos + len, out, pos, b.length - pos - len);
                return out;
            }
            default -> {
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                return insert(Arrays.copyOf(b, pos), pos, Arrays.copyOfRange(other, random.nextInt(other.length),
                        other.length));
            }
        }
    }

    private static byte[] insert(byte[] b, int pos, byte[] extra) {
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(extra, 0, out, pos, extra.length);
        System.arraycopy(b, pos, out, pos + extra.length, b.length - pos);
        return out;
    }
}
