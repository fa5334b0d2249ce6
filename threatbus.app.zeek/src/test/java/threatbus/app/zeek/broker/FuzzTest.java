// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import threatbus.app.zeek.broker.HandshakeMessage.DropConn;
import threatbus.app.zeek.broker.HandshakeMessage.Hello;
import threatbus.app.zeek.broker.HandshakeMessage.OriginatorAck;
import threatbus.app.zeek.broker.HandshakeMessage.OriginatorSyn;
import threatbus.app.zeek.broker.HandshakeMessage.Probe;
import threatbus.app.zeek.broker.HandshakeMessage.ResponderSynAck;
import threatbus.app.zeek.broker.HandshakeMessage.VersionSelect;

/**
 * Random and mutated frames into every decoder: only {@link BrokerProtocolException}, bounded time, and no
 * allocation beyond a small multiple of the input. {@code -Dthreatbus.fuzz.inputs=1000000} for a long run.
 */
class FuzzTest {

    static final int INPUTS = Integer.getInteger("threatbus.fuzz.inputs", 30_000);
    static final int MAX_FRAME = 4096;

    static List<byte[]> seeds() {
        EndpointId a = EndpointId.parse("d711a08a07a65f73b16f047f9870d58c");
        EndpointId b = EndpointId.parse("00000000000000000000000000000001");
        List<byte[]> seeds = new ArrayList<>();
        for (HandshakeMessage m : List.of(new Hello(a), new Probe(), new VersionSelect(a),
                new DropConn(a, BrokerError.PEER_INCOMPATIBLE, "unsupported versions offered"),
                new OriginatorSyn(List.of("threatbus/manage", "stix2/sighting")), new ResponderSynAck(List.of()),
                new OriginatorAck())) {
            seeds.add(HandshakeCodec.encode(m));
        }
        seeds.add(Envelope.data(a, "stix2/indicatorabcdefghij", HexFormat.of().parseHex(EnvelopeTest.CAPTURED
                .substring(124))).encode());
        seeds.add(Envelope.routingUpdate(a, b, List.of("x", "y/z")).encode());
        seeds.add(new Envelope(a, b, EnvelopeType.PING, 16, "<$>", "BYE01234567".getBytes()).encode());
        seeds.add(Filter.encode(List.of("a", "bb", "ccc")));
        return seeds;
    }

    @Test
    void decodersThrowOnlyTypedExceptions() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        Map<BrokerProtocolException.Kind, Long> errors = new EnumMap<>(BrokerProtocolException.Kind.class);
        long[] accepted = new long[1];
        long[] maxAllocated = new long[1];
        assertThat(threads.isThreadAllocatedMemoryEnabled()).isTrue();
        // Warm up first, so that class loading and JIT compilation are not charged to single inputs.
        Mutator warmUp = new Mutator(1L, seeds());
        for (int i = 0; i < 5_000; i++) {
            decodeAll(warmUp.next(), new EnumMap<>(BrokerProtocolException.Kind.class));
        }
        Mutator mutator = new Mutator(20240516L, seeds());
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(60, INPUTS / 5_000)), () -> {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = mutator.next();
                long before = threads.getCurrentThreadAllocatedBytes();
                accepted[0] += decodeAll(input, errors);
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                if (allocated > bound(input)) {
                    // The first run of a code path links call sites (string concatenation, lambdas) once;
                    // only a repeat shows what the input itself costs.
                    before = threads.getCurrentThreadAllocatedBytes();
                    decodeAll(input, new EnumMap<>(BrokerProtocolException.Kind.class));
                    allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    if (allocated > bound(input)) {
                        throw new AssertionError(allocated + " bytes allocated for "
                                + HexFormat.of().formatHex(input));
                    }
                }
                maxAllocated[0] = Math.max(maxAllocated[0], allocated);
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("fuzz: %d inputs x 4 decoders in %d ms, %d decodes accepted, rejected %s, "
                + "max allocation for one input (all four decoders) %d bytes%n", INPUTS, millis, accepted[0], errors,
                maxAllocated[0]);
        assertThat(errors).isNotEmpty();
    }

    /** Generous for exceptions and small objects, far below the frame limit times four decoders. */
    static long bound(byte[] input) {
        return 32L * 1024 + 16L * input.length;
    }

    /** Feeds one input to every decoder; returns how many accepted it. */
    static int decodeAll(byte[] input, Map<BrokerProtocolException.Kind, Long> errors) {
        int ok = 0;
        for (int d = 0; d < 4; d++) {
            try {
                switch (d) {
                    case 0 -> HandshakeCodec.decode(input);
                    case 1 -> Envelope.decode(input);
                    case 2 -> Filter.decode(input);
                    default -> {
                        FrameReader r = new FrameReader(new ByteArrayInputStream(input), MAX_FRAME);
                        while (r.read() != null) {
                            // drain
                        }
                    }
                }
                ok++;
            } catch (BrokerProtocolException e) {
                errors.merge(e.kind(), 1L, Long::sum);
            } catch (Exception | Error e) {
                throw new AssertionError("decoder " + d + " threw " + e + " for " + HexFormat.of().formatHex(input), e);
            }
        }
        return ok;
    }
}
