// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static threatbus.app.zeek.broker.data.BrokerData.count;
import static threatbus.app.zeek.broker.data.BrokerData.str;
import static threatbus.app.zeek.broker.data.BrokerData.vector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import threatbus.app.zeek.broker.data.BrokerData.Timestamp;
import threatbus.app.zeek.broker.data.ZeekEvent.Metadata;

/** The Zeek event layout, checked against a frame a real libbroker sent. */
class ZeekEventTest {

    /** {@code Tenzir::intel} published by libbroker 2.8.0-dev, without its 4-byte length prefix. */
    private static final byte[] CAPTURED_FRAME = Hex.bytes("""
            d711a08a07a65f73b16f047f9870d58c
            00000000000000000000000000000000
            01
            0010
            0019 73746978322f696e64696361746f72616263646566676869 6a
            0e 03
               02 0000000000000001
               02 0000000000000001
               0e 03
                  05 0d 54656e7a69723a3a696e74656c
                  0e 01
                     0e 05
                        09 16ef94138f6f8000
                        05 0c 696e64696361746f722d2d31
                        05 04 41444452
                        05 07 362e362e362e36
                        05 03 414444
                  0e 01 0e 02 02 0000000000000001 09 16ef94138f6f8000
            """);

    private static final Instant TS = Instant.parse("2022-05-16T12:00:00Z");

    private static ZeekEvent intel() {
        BrokerData intelligence = vector(BrokerData.timestamp(TS), str("indicator--1"), str("ADDR"), str("6.6.6.6"),
                str("ADD"));
        return ZeekEvent.of("Tenzir::intel", TS, intelligence);
    }

    /** The data part of the captured frame: everything after the topic. */
    private static byte[] capturedData() {
        ByteBuffer frame = ByteBuffer.wrap(CAPTURED_FRAME);
        int topicLength = frame.getShort(16 + 16 + 1 + 2) & 0xFFFF;
        int start = 16 + 16 + 1 + 2 + 2 + topicLength;
        assertThat(new String(CAPTURED_FRAME, start - topicLength, topicLength, StandardCharsets.UTF_8))
                .isEqualTo("stix2/indicatorabcdefghij");
        return Arrays.copyOfRange(CAPTURED_FRAME, start, CAPTURED_FRAME.length);
    }

    @Test
    void encodesExactlyTheCapturedFrame() {
        assertThat(Hex.of(BrokerDataCodec.encode(intel().toData()))).isEqualTo(Hex.of(capturedData()));
        assertThat(CAPTURED_FRAME.length).as("the frame length prefix").isEqualTo(0xa8);
    }

    @Test
    void decodesTheCapturedFrame() throws BrokerDataException {
        ZeekEvent event = ZeekEvent.fromData(BrokerDataCodec.decode(capturedData()));
        assertThat(event).isEqualTo(intel());
        assertThat(event.name()).isEqualTo("Tenzir::intel");
        assertThat(event.networkTimestamp()).contains(TS);
        assertThat(event.args()).hasSize(1);
    }

    @Test
    void withoutMetadataWritesTheTwoElementFormOfZeek5() throws BrokerDataException {
        ZeekEvent event = ZeekEvent.of("Threatbus::hello", List.of(str("x")));
        BrokerData data = event.toData();
        assertThat(data).isEqualTo(vector(count(1), count(1), vector(str("Threatbus::hello"), vector(str("x")))));
        assertThat(ZeekEvent.fromData(data)).isEqualTo(event);
        assertThat(event.networkTimestamp()).isEmpty();
    }

    @Test
    void keepsUnknownMetadataAndReadsAnEmptyMetadataVector() throws BrokerDataException {
        BrokerData data = vector(count(1), count(1), vector(str("e"), vector(),
                vector(vector(count(200), str("user")), vector(count(1), new Timestamp(5)))));
        ZeekEvent event = ZeekEvent.fromData(data);
        assertThat(event.metadata()).containsExactly(new Metadata(200, str("user")),
                new Metadata(ZeekEvent.NETWORK_TIMESTAMP, new Timestamp(5)));
        assertThat(event.networkTimestamp()).contains(Instant.ofEpochSecond(0, 5));
        assertThat(event.toData()).isEqualTo(data);

        ZeekEvent empty = ZeekEvent.fromData(vector(count(1), count(1), vector(str("e"), vector(), vector())));
        assertThat(empty.metadata()).isEmpty();
    }

    @Test
    void rejectsOtherZeekMessagesAndVersions() {
        assertRejected(vector(count(1), count(3), vector()), "not a Zeek event but a LogWrite message (type 3)");
        assertRejected(vector(count(1), count(5), vector()), "not a Zeek event but a Batch message (type 5)");
        assertRejected(vector(count(1), count(9), vector()), "unknown message (type 9)");
        assertRejected(vector(count(2), count(1), vector(str("e"), vector())),
                "unsupported Zeek message format version 2");
        assertRejected(vector(count(1), count(1)), "has 3 elements, not 2");
        assertRejected(str("e"), "a Zeek message is not a vector");
        assertRejected(vector(BrokerData.integer(1), count(1), vector()), "format version is not a count");
    }

    @Test
    void rejectsMalformedEvents() {
        assertRejected(vector(count(1), count(1), str("e")), "the event content is not a vector");
        assertRejected(vector(count(1), count(1), vector(str("e"))), "needs a name and arguments");
        assertRejected(vector(count(1), count(1), vector(count(1), vector())), "event name is not a string");
        assertRejected(vector(count(1), count(1), vector(str("e"), str("a"))), "arguments is not a vector");
        assertRejected(vector(count(1), count(1), vector(str("e"), vector(), str("m"))), "metadata is not a vector");
        assertRejected(vector(count(1), count(1), vector(str("e"), vector(), vector(vector(count(1))))),
                "metadata entry has 2 elements, not 1");
        assertRejected(vector(count(1), count(1), vector(str("e"), vector(), vector(vector(str("k"), str("v"))))),
                "metadata key is not a count");
        assertRejected(vector(count(1), count(1), vector(str("e"), vector(), vector(vector(count(1), count(5))))),
                "network timestamp metadata is not a timestamp");
    }

    @Test
    void validatesMetadataWhenBuilt() {
        assertThatThrownBy(() -> new Metadata(ZeekEvent.NETWORK_TIMESTAMP, count(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Metadata.NETWORK_TIMESTAMP).isEqualTo(ZeekEvent.NETWORK_TIMESTAMP);
    }

    private static void assertRejected(BrokerData data, String message) {
        assertThatThrownBy(() -> ZeekEvent.fromData(data)).isInstanceOf(BrokerDataException.class)
                .hasMessageContaining(message);
    }
}
