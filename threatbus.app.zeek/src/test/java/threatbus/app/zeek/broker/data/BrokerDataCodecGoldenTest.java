// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.broker.data.BrokerData.NONE;
import static threatbus.app.zeek.broker.data.BrokerData.bool;
import static threatbus.app.zeek.broker.data.BrokerData.count;
import static threatbus.app.zeek.broker.data.BrokerData.integer;
import static threatbus.app.zeek.broker.data.BrokerData.real;
import static threatbus.app.zeek.broker.data.BrokerData.str;
import static threatbus.app.zeek.broker.data.BrokerData.vector;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import threatbus.app.zeek.broker.data.BrokerData.Address;
import threatbus.app.zeek.broker.data.BrokerData.EnumValue;
import threatbus.app.zeek.broker.data.BrokerData.Port;
import threatbus.app.zeek.broker.data.BrokerData.Port.Protocol;
import threatbus.app.zeek.broker.data.BrokerData.Set;
import threatbus.app.zeek.broker.data.BrokerData.Subnet;
import threatbus.app.zeek.broker.data.BrokerData.Table;
import threatbus.app.zeek.broker.data.BrokerData.Timespan;
import threatbus.app.zeek.broker.data.BrokerData.Timestamp;

/** Every type against bytes written by hand from Broker's format ({@code format/bin.hh}), in both directions. */
class BrokerDataCodecGoldenTest {

    static Stream<Arguments> golden() {
        return Stream.of(
                Arguments.of(NONE, "00"),
                Arguments.of(bool(true), "01 01"),
                Arguments.of(bool(false), "01 00"),
                Arguments.of(count(1), "02 0000000000000001"),
                Arguments.of(count(-1L), "02 ffffffffffffffff"),
                Arguments.of(integer(-1), "03 ffffffffffffffff"),
                Arguments.of(integer(-2), "03 fffffffffffffffe"),
                Arguments.of(integer(Long.MIN_VALUE), "03 8000000000000000"),
                Arguments.of(integer(258), "03 0000000000000102"),
                Arguments.of(real(1.0), "04 3ff0000000000000"),
                Arguments.of(real(-2.5), "04 c004000000000000"),
                Arguments.of(real(0.0), "04 0000000000000000"),
                Arguments.of(real(-0.0), "04 8000000000000000"),
                Arguments.of(real(Double.NaN), "04 ffffffffffffffff"),
                Arguments.of(real(Double.POSITIVE_INFINITY), "04 fff0000000000000"),
                Arguments.of(real(Double.NEGATIVE_INFINITY), "04 7ff0000000000000"),
                Arguments.of(str(""), "05 00"),
                Arguments.of(str("abc"), "05 03 616263"),
                Arguments.of(str("\u00e9"), "05 02 c3a9"),
                Arguments.of(str("x".repeat(200)), "05 c801" + "78".repeat(200)),
                Arguments.of(Address.parse("192.0.2.1"), "06 00000000000000000000ffff c0000201"),
                Arguments.of(Address.parse("2001:db8::1"), "06 20010db8000000000000000000000001"),
                Arguments.of(Subnet.parse("10.0.0.0/8"), "07 00000000000000000000ffff0a000000 68"),
                Arguments.of(Subnet.parse("0.0.0.0/0"), "07 00000000000000000000ffff00000000 60"),
                Arguments.of(Subnet.parse("192.0.2.1/32"), "07 00000000000000000000ffffc0000201 80"),
                Arguments.of(Subnet.parse("2001:db8::/32"), "07 20010db8000000000000000000000000 20"),
                Arguments.of(new Port(80, Protocol.TCP), "08 0050 01"),
                Arguments.of(new Port(53, Protocol.UDP), "08 0035 02"),
                Arguments.of(new Port(8, Protocol.ICMP), "08 0008 03"),
                Arguments.of(new Port(0, Protocol.UNKNOWN), "08 0000 00"),
                Arguments.of(new Port(65535, Protocol.TCP), "08 ffff 01"),
                Arguments.of(Timestamp.of(Instant.parse("2022-05-16T12:00:00Z")), "09 16ef94138f6f8000"),
                Arguments.of(new Timestamp(-1), "09 ffffffffffffffff"),
                Arguments.of(Timespan.of(Duration.ofMillis(1500)), "0a 0000000059682f00"),
                Arguments.of(new Timespan(-1), "0a ffffffffffffffff"),
                Arguments.of(new EnumValue("Intel::ADDR"), "0b 0b 496e74656c3a3a41444452"),
                Arguments.of(new Set(List.of(count(1), count(2))),
                        "0c 02 02 0000000000000001 02 0000000000000002"),
                Arguments.of(new Table(List.of(new Table.Entry(str("a"), count(1)))),
                        "0d 01 05 01 61 02 0000000000000001"),
                Arguments.of(new Table(List.of()), "0d 00"),
                Arguments.of(vector(), "0e 00"),
                Arguments.of(vector(vector(NONE), new Set(List.of())), "0e 02 0e 01 00 0c 00"),
                Arguments.of(vector(Collections.nCopies(300, NONE)), "0e ac02" + "00".repeat(300)),
                Arguments.of(vector(Collections.nCopies(16384, NONE)), "0e 808001" + "00".repeat(16384)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("golden")
    void encodes(BrokerData value, String hex) {
        assertThat(Hex.of(BrokerDataCodec.encode(value))).isEqualTo(Hex.of(Hex.bytes(hex)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("golden")
    void decodes(BrokerData value, String hex) throws BrokerDataException {
        assertThat(BrokerDataCodec.decode(Hex.bytes(hex))).isEqualTo(value);
    }
}
