// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class FilterAndFramingTest {

    static final HexFormat HEX = HexFormat.of();

    @Test
    void filterEncoding() throws BrokerProtocolException {
        String long200 = "t".repeat(200);
        assertThat(HEX.formatHex(Filter.encode(List.of()))).isEqualTo("00");
        assertThat(HEX.formatHex(Filter.encode(List.of("a", long200))))
                .isEqualTo("02" + "0161" + "c801" + "74".repeat(200));
        assertThat(Filter.decode(Filter.encode(List.of("a", long200, "ü")))).containsExactly("a", long200, "ü");
        // Counts and lengths beyond the input are refused before anything is allocated for them.
        assertThatThrownBy(() -> Filter.decode(HEX.parseHex("ffffffff0f"))).isInstanceOf(BrokerProtocolException.class);
        assertThatThrownBy(() -> Filter.decode(HEX.parseHex("01ffffffff0f"))).isInstanceOf(BrokerProtocolException.class);
        assertThatThrownBy(() -> Filter.decode(HEX.parseHex("0100ff"))).isInstanceOf(BrokerProtocolException.class);
    }

    @Test
    void prefixMatchingAsBroker() {
        List<String> filter = List.of("stix2/indicator", "threatbus/manage");
        assertThat(Filter.matches(filter, "stix2/indicatorabcdefghij")).isTrue();
        assertThat(Filter.matches(filter, "threatbus/manage")).isTrue();
        assertThat(Filter.matches(filter, "stix2/sighting")).isFalse();
        assertThat(Filter.matches(filter, "threatbus")).isFalse();
        assertThat(Filter.matches(List.of(), "x")).isFalse();
        assertThat(Filter.matches(List.of(""), "anything")).isTrue();
    }

    @Test
    void framesRoundTrip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter w = new FrameWriter(out);
        w.write(new byte[] {7});
        w.write(new byte[300]);
        w.flush();
        assertThat(HEX.formatHex(out.toByteArray())).startsWith("0000000107" + "0000012c");
        FrameReader r = new FrameReader(new ByteArrayInputStream(out.toByteArray()), 300);
        assertThat(r.read()).containsExactly(7);
        assertThat(r.read()).hasSize(300);
        assertThat(r.read()).isNull();
        assertThat(r.frames()).isEqualTo(2);
        assertThat(w.bytes()).isEqualTo(r.bytes()).isEqualTo(309);
        assertThatThrownBy(() -> w.write(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badFramesAreFramingErrors() {
        assertFraming("00000000");
        assertFraming("00000101" + "00".repeat(10)); // over the limit of 256
        assertFraming("ffffffff");
        assertFraming("000000");
        assertFraming("00000005" + "0102");
    }

    static void assertFraming(String hex) {
        FrameReader r = new FrameReader(new ByteArrayInputStream(HEX.parseHex(hex)), 256);
        assertThatThrownBy(r::read).isInstanceOfSatisfying(BrokerProtocolException.class, e -> {
            assertThat(e.kind()).isEqualTo(BrokerProtocolException.Kind.FRAMING);
            assertThat(e.dropCode()).isEmpty();
        });
    }

    @Test
    void endpointIdsCompareUnsigned() {
        EndpointId low = EndpointId.parse("7f" + "00".repeat(15));
        EndpointId high = EndpointId.parse("80" + "00".repeat(15));
        // Signed comparison (UUID.compareTo) would order these the other way.
        assertThat(low).isLessThan(high);
        assertThat(EndpointId.nil()).isLessThan(low);
        assertThat(high.toString()).isEqualTo("80" + "00".repeat(15));
        assertThat(EndpointId.of(high.toBytes())).isEqualTo(high).hasSameHashCodeAs(high);
        assertThat(EndpointId.random()).isNotEqualTo(EndpointId.random());
        assertThatThrownBy(() -> EndpointId.of(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
