// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import threatbus.api.message.JsonBytes;
import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.message.MessageType;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.api.message.StixObject;
import threatbus.api.stix.InvalidPatternException;
import threatbus.api.stix.StixPattern;

/**
 * What the bus does to every message an app sends: decode and validate it (STIX pattern included) and
 * write its canonical JSON, which every subscriber and transport then shares.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    /** A 500-byte indicator as the load generator sends it. */
    static final String INDICATOR = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": "
            + "\"indicator--8ee37e31-50c3-4303-bc7f-708661bd204c\", \"created\": \"2026-11-28T04:22:28.445007Z\", "
            + "\"modified\": \"2026-11-28T04:22:28.445007Z\", \"name\": \"tbbench 0 5510702656379\", "
            + "\"description\": \"" + "x".repeat(150) + "\", \"pattern\": \"[ipv4-addr:value = '10.0.0.0']\", "
            + "\"pattern_type\": \"stix\", \"pattern_version\": \"2.1\", \"valid_from\": \"2026-11-28T04:22:28.445007Z\"}";

    /** A sighting with a Zeek-style context, as VAST reports them. */
    static final String SIGHTING = "{\"type\": \"sighting\", \"spec_version\": \"2.1\", \"id\": "
            + "\"sighting--3c1f0c3e-7d5b-4b7e-8a3c-5f0e2d9b1a77\", \"created\": \"2022-05-16T12:00:01.654321Z\", "
            + "\"modified\": \"2022-05-16T12:00:01.654321Z\", \"sighting_of_ref\": "
            + "\"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"x_threatbus_sighting_context\": {\"ts\": "
            + "\"2019-07-14T11:02:33.118027520\", \"uid\": \"C4tq0m2bPa1Xz9Yy8w\", \"id.orig_h\": \"192.0.2.15\", "
            + "\"id.orig_p\": 51123, \"id.resp_h\": \"198.51.100.7\", \"id.resp_p\": 443, \"proto\": \"tcp\", "
            + "\"duration\": 0.731802, \"history\": \"ShADadfF\"}, \"x_threatbus_source\": \"VAST\"}";

    private byte[] indicator;
    private byte[] sighting;
    private StixObject decoded;

    @Setup
    public void setUp() throws MessageFormatException {
        indicator = INDICATOR.getBytes(StandardCharsets.UTF_8);
        sighting = SIGHTING.getBytes(StandardCharsets.UTF_8);
        decoded = (StixObject) MessageCodec.decode(indicator);
    }

    /** Bytes from an app to a validated indicator with its canonical JSON. */
    @Benchmark
    public Message decodeIndicator() throws MessageFormatException {
        return MessageCodec.decode(indicator);
    }

    /** The same for a sighting with a nested context kept verbatim. */
    @Benchmark
    public Message decodeSighting() throws MessageFormatException {
        return MessageCodec.decode(sighting);
    }

    /** Validating the STIX pattern alone. */
    @Benchmark
    public StixPattern parsePattern() throws InvalidPatternException {
        return StixPattern.parse("[ipv4-addr:value = '10.0.0.0']");
    }

    /** Wrapping a snapshot item and writing the envelope. */
    @Benchmark
    public JsonBytes encodeEnvelope() {
        return new SnapshotEnvelope(MessageType.INDICATOR, "acfb005d-1a1c-4fd7-aaa9-54f12c6291b6", decoded).json();
    }

    /** Building the single frame {@code <p2p>indicator <json>} a zmq subscriber gets. */
    @Benchmark
    public byte[] zmqFrame() {
        JsonBytes json = decoded.json();
        byte[] prefix = FRAME_PREFIX;
        byte[] frame = new byte[prefix.length + json.length()];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        json.copyTo(frame, prefix.length);
        return frame;
    }

    private static final byte[] FRAME_PREFIX = "glvotfzqyntbnxzekaappwmdubrkmyjwindicator "
            .getBytes(StandardCharsets.US_ASCII);

}
