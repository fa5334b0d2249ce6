// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import threatbus.app.zeek.broker.HandshakeMessage.DropConn;
import threatbus.app.zeek.broker.HandshakeMessage.Hello;
import threatbus.app.zeek.broker.HandshakeMessage.OriginatorAck;
import threatbus.app.zeek.broker.HandshakeMessage.OriginatorSyn;
import threatbus.app.zeek.broker.HandshakeMessage.Probe;
import threatbus.app.zeek.broker.HandshakeMessage.ResponderSynAck;
import threatbus.app.zeek.broker.HandshakeMessage.VersionSelect;

/** Golden bytes for every handshake message, framed, as captured from libbroker and laid out in the spec. */
class HandshakeCodecTest {

    static final HexFormat HEX = HexFormat.of();
    static final String ID = "d711a08a07a65f73b16f047f9870d58c";
    static final EndpointId SENDER = EndpointId.parse(ID);

    static String framed(HandshakeMessage m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter w = new FrameWriter(out);
        w.write(HandshakeCodec.encode(m));
        w.flush();
        return HEX.formatHex(out.toByteArray());
    }

    @Test
    void goldenBytes() throws IOException {
        assertThat(framed(new Hello(SENDER))).isEqualTo("00000017" + "06" + "5a45454b" + ID + "01" + "01");
        assertThat(framed(new Probe())).isEqualTo("00000005" + "07" + "5a45454b");
        assertThat(framed(new VersionSelect(SENDER))).isEqualTo("00000016" + "08" + "5a45454b" + ID + "01");
        assertThat(framed(new DropConn(SENDER, BrokerError.WRONG_MAGIC_NUMBER, "wrong magic number")))
                .isEqualTo("00000029" + "09" + "5a45454b" + ID + "26" + "12"
                        + HEX.formatHex("wrong magic number".getBytes()));
        assertThat(framed(new OriginatorSyn(List.of("/test", "threatbus/manage"))))
                .isEqualTo("00000019" + "0a" + "02" + "05" + HEX.formatHex("/test".getBytes()) + "10"
                        + HEX.formatHex("threatbus/manage".getBytes()));
        assertThat(framed(new ResponderSynAck(List.of()))).isEqualTo("00000002" + "0b" + "00");
        assertThat(framed(new OriginatorAck())).isEqualTo("00000001" + "0c");
    }

    @Test
    void roundTrips() throws BrokerProtocolException {
        List<HandshakeMessage> all = List.of(new Hello(SENDER, 1, 99), new Probe(), new VersionSelect(SENDER),
                new DropConn(SENDER, BrokerError.REDUNDANT_CONNECTION, "redundant connection"),
                new OriginatorSyn(List.of("a", "b/c")), new ResponderSynAck(List.of("x")), new OriginatorAck());
        for (HandshakeMessage m : all) {
            assertThat(HandshakeCodec.decode(HandshakeCodec.encode(m))).isEqualTo(m);
        }
    }

    @Test
    void errorCodesAreBrokers() {
        assertThat(BrokerError.PEER_INCOMPATIBLE.code()).isEqualTo(2);
        assertThat(BrokerError.INVALID_MESSAGE.code()).isEqualTo(20);
        assertThat(BrokerError.WRONG_MAGIC_NUMBER.code()).isEqualTo(38);
        assertThat(BrokerError.REDUNDANT_CONNECTION.code()).isEqualTo(39);
        assertThat(BrokerError.LOGIC_ERROR.code()).isEqualTo(40);
        assertThat(BrokerError.of(41)).contains(BrokerError.INVALID_JSON);
        assertThat(BrokerError.of(42)).isEmpty();
    }

    @Test
    void wrongMagicGetsWrongMagicNumber() {
        byte[] hello = HEX.parseHex("06" + "5a45454c" + ID + "0101");
        assertDrop(hello, BrokerProtocolException.Kind.WRONG_MAGIC, BrokerError.WRONG_MAGIC_NUMBER);
        assertDrop(HEX.parseHex("07" + "00000000"), BrokerProtocolException.Kind.WRONG_MAGIC,
                BrokerError.WRONG_MAGIC_NUMBER);
    }

    @Test
    void versionsWithoutOneArePeerIncompatible() throws BrokerProtocolException {
        assertDrop(HEX.parseHex("06" + "5a45454b" + ID + "c8c9"), BrokerProtocolException.Kind.INCOMPATIBLE_VERSION,
                BrokerError.PEER_INCOMPATIBLE);
        assertDrop(HEX.parseHex("06" + "5a45454b" + ID + "0000"), BrokerProtocolException.Kind.INCOMPATIBLE_VERSION,
                BrokerError.PEER_INCOMPATIBLE);
        assertDrop(HEX.parseHex("08" + "5a45454b" + ID + "02"), BrokerProtocolException.Kind.INCOMPATIBLE_VERSION,
                BrokerError.PEER_INCOMPATIBLE);
        // Broker's Python peers offer 1..99; that range includes 1.
        assertThat(HandshakeCodec.decode(HEX.parseHex("06" + "5a45454b" + ID + "0163")))
                .isEqualTo(new Hello(SENDER, 1, 99));
    }

    @Test
    void garbageIsInvalidMessage() {
        assertDrop(HEX.parseHex("06" + "5a45454b"), BrokerProtocolException.Kind.MALFORMED,
                BrokerError.INVALID_MESSAGE);
        assertDrop(HEX.parseHex("01" + "00"), BrokerProtocolException.Kind.MALFORMED, BrokerError.INVALID_MESSAGE);
        assertDrop(HEX.parseHex("ff"), BrokerProtocolException.Kind.MALFORMED, BrokerError.INVALID_MESSAGE);
        assertDrop(HEX.parseHex("0a" + "05" + "01" + "41"), BrokerProtocolException.Kind.MALFORMED,
                BrokerError.INVALID_MESSAGE);
        assertDrop(HEX.parseHex("0a" + "8080808010"), BrokerProtocolException.Kind.MALFORMED,
                BrokerError.INVALID_MESSAGE);
        assertDrop(HEX.parseHex("09" + "5a45454b" + ID + "02" + "05" + "41"), BrokerProtocolException.Kind.MALFORMED,
                BrokerError.INVALID_MESSAGE);
        // A drop_conn with a code Broker does not know is answered with "unspecified".
        assertDrop(HEX.parseHex("09" + "5a45454b" + ID + "c8" + "00"), BrokerProtocolException.Kind.MALFORMED,
                BrokerError.UNSPECIFIED);
    }

    static void assertDrop(byte[] payload, BrokerProtocolException.Kind kind, BrokerError code) {
        assertThatThrownBy(() -> HandshakeCodec.decode(payload)).isInstanceOfSatisfying(BrokerProtocolException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.dropCode()).contains(code);
                });
    }
}
