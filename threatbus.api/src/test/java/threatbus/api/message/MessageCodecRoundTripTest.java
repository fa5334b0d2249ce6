// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every wire shape of spec §1.11 decodes and encodes back to exactly what Python's {@code json.dumps}
 * writes for it (the {@code *.expected.json} files were produced by Python), with top-level STIX timestamps
 * written with at least millisecond precision.
 */
class MessageCodecRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"indicator", "sighting-with-context", "snapshotrequest", "snapshotenvelope-indicator",
            "snapshotenvelope-sighting"})
    void encodesEachVectorExactlyAsPythonWouldWriteIt(String vector) throws Exception {
        Message message = MessageCodec.decode(Fixtures.bytes(vector + ".json"));

        assertThat(message.json().toString()).isEqualTo(Fixtures.text(vector + ".expected.json").strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"indicator", "sighting-with-context", "snapshotrequest", "snapshotenvelope-indicator",
            "snapshotenvelope-sighting"})
    void reEncodingIsStable(String vector) throws Exception {
        Message once = MessageCodec.decode(Fixtures.bytes(vector + ".json"));
        Message twice = MessageCodec.decode(once.json().toByteArray());

        assertThat(twice.json()).isEqualTo(once.json());
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void keepsCustomPropertiesVerbatimIncludingNestedIndicator() throws Exception {
        Sighting sighting = MessageCodec.decode(Fixtures.bytes("sighting-with-context.json"), Sighting.class);

        assertThat(sighting.source()).contains("VAST");
        assertThat(sighting.context().orElseThrow().get("duration").decimalValue()).isEqualByComparingTo("0.731802");
        assertThat(sighting.context().orElseThrow().get("service").isNull()).isTrue();
        // nested objects are custom data: their timestamps are not normalised
        assertThat(sighting.property(ThreatBusProperties.INDICATOR).orElseThrow().get("valid_from").textValue())
                .isEqualTo("2022-06-01T08:30:00Z");
        assertThat(sighting.propertyNames()).containsSubsequence("sighting_of_ref",
                "x_threatbus_sighting_context", "x_threatbus_indicator", "x_threatbus_source");
    }

    @Test
    void decodesSnapshotRequestDurationInWholeSeconds() throws Exception {
        SnapshotRequest request = MessageCodec.decode(Fixtures.bytes("snapshotrequest.json"), SnapshotRequest.class);

        assertThat(request.type()).isEqualTo(MessageType.SIGHTING);
        assertThat(request.snapshotId()).isEqualTo("9b7c1f0e-3a52-4d8e-b6a1-0c2d4e6f8a10");
        assertThat(request.snapshot()).isEqualTo(Duration.ofDays(42).plusHours(23).plusMinutes(13).plusSeconds(37));
        assertThat(request.topic()).isEqualTo("threatbus/snapshotrequest");
    }

    @Test
    void truncatesFractionalSnapshotSecondsLikeTheOriginalEncoder() throws Exception {
        SnapshotRequest request = MessageCodec.decode(
                "{\"type\": \"snapshotrequest\", \"snapshot_type\": 1, \"snapshot_id\": \"x\", \"snapshot\": 59.9}"
                        .getBytes(), SnapshotRequest.class);

        assertThat(request.snapshot()).isEqualTo(Duration.ofSeconds(59));
        assertThat(request.json().toString()).endsWith("\"snapshot\": 59}");
    }

    @Test
    void unwrapsEnvelopeBodyAsStixObject() throws Exception {
        SnapshotEnvelope envelope = MessageCodec.decode(Fixtures.bytes("snapshotenvelope-sighting.json"),
                SnapshotEnvelope.class);

        assertThat(envelope.type()).isEqualTo(MessageType.SIGHTING);
        assertThat(envelope.body()).isInstanceOf(Sighting.class);
        assertThat(((Sighting) envelope.body()).sightingOfRef())
                .isEqualTo("indicator--2f0b4a6e-8c3d-4e5f-9a1b-7c6d5e4f3a2b");
        assertThat(envelope.body().json().toString())
                .isEqualTo(MessageCodec.decode(Fixtures.bytes("sighting-with-context.json")).json().toString());
    }

    @Test
    void writesWireCaptureOfTheOriginalUnchanged() throws Exception {
        // frame content captured from the original 2022.5.16 (stix2 property order, microsecond timestamps)
        String wire = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": "
                + "\"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"created\": \"2022-05-16T12:00:00.123456Z\", "
                + "\"modified\": \"2022-05-16T12:00:00.123456Z\", \"name\": \"example indicator\", \"pattern\": "
                + "\"[ipv4-addr:value = '6.6.6.6']\", \"pattern_type\": \"stix\", \"pattern_version\": \"2.1\", "
                + "\"valid_from\": \"2022-05-16T12:00:00.123456Z\"}";

        Indicator indicator = MessageCodec.decode(wire.getBytes(), Indicator.class);

        assertThat(indicator.json().toString()).isEqualTo(wire);
        assertThat(indicator.created()).isEqualTo(Instant.parse("2022-05-16T12:00:00.123456Z"));
        assertThat(indicator.name()).contains("example indicator");
    }

    @Test
    void ordersPropertiesAsTheStixLibraryDoesAndKeepsCustomOnesInArrivalOrder() throws Exception {
        String shuffled = "{\"x_b\": 1, \"valid_from\": \"2022-01-01T00:00:00.000Z\", \"pattern_type\": \"sigma\", "
                + "\"pattern\": \"title: x\", \"x_a\": 2, \"id\": \"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", "
                + "\"modified\": \"2022-01-01T00:00:00.000Z\", \"created\": \"2022-01-01T00:00:00.000Z\", "
                + "\"spec_version\": \"2.1\", \"name\": \"n\", \"type\": \"indicator\"}";

        Message message = MessageCodec.decode(shuffled);

        assertThat(message.json().toString()).isEqualTo("{\"type\": \"indicator\", \"spec_version\": \"2.1\", "
                + "\"id\": \"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"created\": "
                + "\"2022-01-01T00:00:00.000Z\", \"modified\": \"2022-01-01T00:00:00.000Z\", \"name\": \"n\", "
                + "\"pattern\": \"title: x\", \"pattern_type\": \"sigma\", \"valid_from\": \"2022-01-01T00:00:00.000Z\", "
                + "\"x_b\": 1, \"x_a\": 2}");
    }

    @Test
    void encodesOnceAndSharesTheBytes() throws Exception {
        Message message = MessageCodec.decode(Fixtures.bytes("indicator.json"));

        assertThat(message.json()).isSameAs(message.json());
        assertThat(message.json().length()).isEqualTo(message.toString().length());
    }

    @Test
    void decodesASliceOfAFrame() throws Exception {
        byte[] frame = ("stix2/indicator " + Fixtures.text("indicator.json")).getBytes();
        int space = 15;

        Message message = MessageCodec.decode(frame, space + 1, frame.length - space - 1);

        assertThat(message).isEqualTo(MessageCodec.decode(Fixtures.bytes("indicator.json")));
    }

    @Test
    void derivesTopicsFromTypes() throws Exception {
        assertThat(MessageCodec.decode(Fixtures.bytes("indicator.json")).topic()).isEqualTo("stix2/indicator");
        assertThat(MessageCodec.decode(Fixtures.bytes("sighting-with-context.json")).topic())
                .isEqualTo("stix2/sighting");
        assertThat(MessageCodec.decode(Fixtures.bytes("snapshotenvelope-indicator.json")).topic())
                .isEqualTo("threatbus/snapshotenvelope");
    }
}
