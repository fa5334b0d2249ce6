// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import threatbus.api.message.Indicator;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.app.zmq.Intake.Rejection;

/** Frames apps send: {@code "<topic> <json>"} (pubsub-frames.json of the original). */
class FrameDecoderTest {

    static final String INDICATOR = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": "
            + "\"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"created\": \"2022-05-16T12:00:00.123456Z\", "
            + "\"modified\": \"2022-05-16T12:00:00.123456Z\", \"pattern\": \"[ipv4-addr:value = '6.6.6.6']\", "
            + "\"pattern_type\": \"stix\", \"pattern_version\": \"2.1\", \"valid_from\": \"2022-05-16T12:00:00.123456Z\"}";
    static final String SIGHTING = "{\"type\": \"sighting\", \"spec_version\": \"2.1\", \"id\": "
            + "\"sighting--3c1f0c3e-7d5b-4b7e-8a3c-5f0e2d9b1a77\", \"created\": \"2022-05-16T12:00:01.654321Z\", "
            + "\"modified\": \"2022-05-16T12:00:01.654321Z\", \"sighting_of_ref\": "
            + "\"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"x_threatbus_source\": \"VAST\"}";

    private final FrameDecoder decoder = new FrameDecoder(64 * 1024);

    private FrameDecoder.Result decode(String frame) {
        return decoder.decode(frame.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesAnIndicatorAndKeepsItsBytes() {
        FrameDecoder.Result result = decode("stix2/indicator " + INDICATOR);

        assertThat(result.message()).isInstanceOf(Indicator.class);
        assertThat(result.message().json().toString()).isEqualTo(INDICATOR);
    }

    @Test
    void takesTheTypeFromTheMessageNotFromTheTopic() {
        assertThat(decode("stix2/indicator " + SIGHTING).message().topic()).isEqualTo("stix2/sighting");
    }

    @Test
    void decodesAnEnvelope() {
        String envelope = "{\"type\": \"snapshotenvelope\", \"snapshot_type\": 1, \"snapshot_id\": \"x\", \"body\": "
                + INDICATOR + "}";

        assertThat(decode("threatbus/snapshotenvelope " + envelope).message()).isInstanceOf(SnapshotEnvelope.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no space            | stix2/indicator                               | NO_SEPARATOR",
        "not JSON            | stix2/indicator hello                         | MALFORMED",
        "other topic         | threatbus/snapshotrequest {}                  | UNKNOWN_TOPIC",
        "longer topic        | threatbus/snapshotenvelopes {}                | UNKNOWN_TOPIC",
        "empty topic         | ' {}'                                         | UNKNOWN_TOPIC",
        "request on stix2    | 'stix2/x {\"type\": \"snapshotrequest\", \"snapshot_type\": 1, \"snapshot_id\": \"a\", \"snapshot\": 1}' | WRONG_TYPE",
        "bad pattern         | 'stix2/indicator {\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"pattern\": \"this is not a pattern\", \"pattern_type\": \"stix\"}' | MALFORMED",
    })
    void rejects(String name, String frame, Rejection expected) {
        assertThat(decode(frame).rejection()).isEqualTo(expected);
    }

    @Test
    void rejectsAStixObjectOnTheEnvelopeTopic() {
        assertThat(decode("threatbus/snapshotenvelope " + INDICATOR).rejection()).isEqualTo(Rejection.WRONG_TYPE);
    }

    @Test
    void rejectsFramesOverTheLimitBeforeReadingThem() {
        FrameDecoder.Result result = new FrameDecoder(1024).decode(new byte[1025]);

        assertThat(result.rejection()).isEqualTo(Rejection.OVERSIZED);
        assertThat(result.detail()).isEqualTo("1025 bytes, limit 1024");
    }

    @Test
    void quotesHostileTopicsEscaped() {
        FrameDecoder.Result result = decode("evil\n2024-01-01 ERROR forged {}");

        assertThat(result.detail()).isEqualTo("topic \"evil\\x0a2024-01-01\"");
    }
}
