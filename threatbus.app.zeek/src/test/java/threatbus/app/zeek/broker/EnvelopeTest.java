// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The phase-3 layout, checked against the data frame libbroker sent in the spec's capture. */
class EnvelopeTest {

    static final HexFormat HEX = HexFormat.of();

    /** Spec section 1.7: Tenzir::intel from libbroker 2.8.0-dev.307, without its length prefix (168). */
    static final String CAPTURED = "d711a08a07a65f73b16f047f9870d58c" + "00000000000000000000000000000000" + "01"
            + "0010" + "0019" + "73746978322f696e64696361746f72616263646566676869" + "6a"
            + "0e03" + "020000000000000001" + "020000000000000001" + "0e03" + "050d54656e7a69723a3a696e74656c"
            + "0e01" + "0e05" + "0916ef94138f6f8000" + "050c696e64696361746f722d2d31" + "050441444452"
            + "0507362e362e362e36" + "0503414444" + "0e010e02" + "020000000000000001" + "0916ef94138f6f8000";

    @Test
    void decodesAndReencodesTheCapturedFrame() throws BrokerProtocolException {
        byte[] frame = HEX.parseHex(CAPTURED);
        assertThat(frame).hasSize(168);
        Envelope e = Envelope.decode(frame);
        assertThat(e.sender()).isEqualTo(EndpointId.parse("d711a08a07a65f73b16f047f9870d58c"));
        assertThat(e.receiver()).isEqualTo(EndpointId.nil());
        assertThat(e.type()).isEqualTo(EnvelopeType.DATA);
        assertThat(e.ttl()).isEqualTo(16);
        assertThat(e.topic()).isEqualTo("stix2/indicatorabcdefghij");
        assertThat(e.payload()).hasSize(106).startsWith(0x0e, 0x03);
        assertThat(HEX.formatHex(e.encode())).isEqualTo(CAPTURED);
        assertThat(HEX.formatHex(Envelope.data(e.sender(), e.topic(), e.payload()).encode())).isEqualTo(CAPTURED);
    }

    @Test
    void pongMirrorsPing() throws BrokerProtocolException {
        EndpointId zeek = EndpointId.parse("00000000000000000000000000000001");
        EndpointId us = EndpointId.parse("ff000000000000000000000000000000");
        Envelope ping = new Envelope(zeek, us, EnvelopeType.PING, 1, "<$>", "foo".getBytes());
        Envelope pong = Envelope.pongFor(Envelope.decode(ping.encode()), us);
        assertThat(HEX.formatHex(pong.encode())).isEqualTo("ff000000000000000000000000000000"
                + "00000000000000000000000000000001" + "05" + "0010" + "0003" + "3c243e" + "666f6f");
    }

    @Test
    void routingUpdateCarriesTheWholeFilter() {
        EndpointId us = EndpointId.parse("ff000000000000000000000000000000");
        EndpointId zeek = EndpointId.parse("00000000000000000000000000000001");
        Envelope update = Envelope.routingUpdate(us, zeek, List.of("a", "bc"));
        assertThat(HEX.formatHex(update.encode())).isEqualTo("ff000000000000000000000000000000"
                + "00000000000000000000000000000001" + "03" + "0010" + "0003" + "3c243e" + "02" + "0161" + "026263");
    }

    @Test
    void typedErrors() {
        assertMalformed(new byte[36]);
        assertMalformed(HEX.parseHex("00".repeat(32) + "01" + "0010" + "0005" + "61"));
        assertMalformed(HEX.parseHex("00".repeat(32) + "06" + "0010" + "0000"));
        assertMalformed(HEX.parseHex("00".repeat(32) + "00" + "0010" + "0000"));
        assertThatThrownBy(() -> Envelope.data(EndpointId.nil(), "x".repeat(65536), new byte[0]).encode())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Envelope.data(EndpointId.nil(), "x".repeat(65535), new byte[0]).encode()).hasSize(37 + 65535);
    }

    static void assertMalformed(byte[] frame) {
        assertThatThrownBy(() -> Envelope.decode(frame)).isInstanceOfSatisfying(BrokerProtocolException.class,
                e -> assertThat(e.kind()).isEqualTo(BrokerProtocolException.Kind.MALFORMED));
    }
}
