// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static threatbus.app.zeek.broker.data.BrokerData.count;
import static threatbus.app.zeek.broker.data.BrokerData.str;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import threatbus.app.zeek.broker.data.BrokerData.Address;
import threatbus.app.zeek.broker.data.BrokerData.Port;
import threatbus.app.zeek.broker.data.BrokerData.Subnet;
import threatbus.app.zeek.broker.data.BrokerData.Table;
import threatbus.app.zeek.broker.data.BrokerData.Timespan;
import threatbus.app.zeek.broker.data.BrokerData.Timestamp;
import threatbus.app.zeek.broker.data.BrokerData.Vector;

/** The records: validation, defensive copies, and the text forms Zeek and Broker print. */
class BrokerDataTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "0.0.0.0, 0.0.0.0",
        "::ffff:10.1.2.3, 10.1.2.3",
        "2001:DB8::1, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "::1.2.3.4, ::1.2.3.4",
        "fe80::1:2, fe80::1:2",
        "0:0:0:0:0:0:0:1, ::1"})
    void formatsAddressesAsZeekDoes(String text, String printed) {
        Address a = Address.parse(text);
        assertThat(a).hasToString(printed);
        assertThat(Address.parse(printed)).isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "example.org",
        "localhost", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "::1%eth0", "[::1]",
        "1:2:3:4:5:6:7::8", ":1", "1:", "::1.2.3", "1.2.3.4::", "\u0661.2.3.4"})
    void rejectsWhatIsNotAnAddressLiteral(String text) {
        assertThatThrownBy(() -> Address.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsAddressesFromAndToInetAddress() throws Exception {
        Address v4 = Address.of(InetAddress.getByName("198.51.100.7"));
        assertThat(v4.isV4()).isTrue();
        assertThat(v4).isEqualTo(Address.parse("198.51.100.7"));
        assertThat(v4.toInetAddress()).isEqualTo(InetAddress.getByName("198.51.100.7"));
        Address v6 = Address.of(InetAddress.getByName("2001:db8::7"));
        assertThat(v6.isV4()).isFalse();
        assertThat(v6.toInetAddress()).isEqualTo(InetAddress.getByName("2001:db8::7"));
    }

    @Test
    void addressesAreImmutableAndCompareByContent() {
        byte[] raw = Address.parse("2001:db8::1").bytes();
        Address a = new Address(raw);
        raw[0] = 0;
        a.bytes()[1] = 0;
        assertThat(a).isEqualTo(Address.parse("2001:db8::1")).hasSameHashCodeAs(Address.parse("2001:db8::1"));
        assertThatThrownBy(() -> new Address(new byte[4])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subnetsUseUserLengthsAndClearHostBits() {
        Subnet s = Subnet.parse("10.1.2.3/8");
        assertThat(s).hasToString("10.0.0.0/8");
        assertThat(s.length()).isEqualTo(8);
        assertThat(s.rawLength()).isEqualTo(104);
        assertThat(Subnet.parse("2001:db8:ffff::/33")).hasToString("2001:db8:8000::/33");
        assertThat(Subnet.parse("2001:db8::/128").rawLength()).isEqualTo(128);
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subnet.parse("::/129")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0/-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0/+8")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portsPrintNumberAndProtocol() {
        assertThat(new Port(80, Port.Protocol.TCP)).hasToString("80/tcp");
        assertThat(new Port(53, Port.Protocol.UDP)).hasToString("53/udp");
        assertThat(new Port(3, Port.Protocol.ICMP)).hasToString("3/icmp");
        assertThat(new Port(0, Port.Protocol.UNKNOWN)).hasToString("0/?");
        assertThatThrownBy(() -> new Port(65536, Port.Protocol.TCP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Port(-1, Port.Protocol.TCP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesConvertToNanoseconds() {
        Instant t = Instant.parse("1969-12-31T23:59:59.999999999Z");
        assertThat(Timestamp.of(t).nanos()).isEqualTo(-1);
        assertThat(Timestamp.of(t).toInstant()).isEqualTo(t);
        assertThat(BrokerData.timestamp(Instant.parse("2022-05-16T12:00:00.123456789Z")).toInstant())
                .isEqualTo(Instant.parse("2022-05-16T12:00:00.123456789Z"));
        assertThat(BrokerData.timespan(Duration.ofSeconds(-3, 5)).toDuration()).isEqualTo(Duration.ofSeconds(-3, 5));
        assertThatThrownBy(() -> Timestamp.of(Instant.parse("2300-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timespan.of(Duration.ofDays(365 * 300)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsAreUnsigned() {
        assertThat(count(-1)).hasToString("18446744073709551615");
        assertThat(BrokerData.integer(-1)).hasToString("-1");
    }

    @Test
    void containersCopyTheirInputAndPrintLikeBroker() {
        List<BrokerData> items = new ArrayList<>(List.of(str("a"), count(2)));
        Vector v = BrokerData.vector(items);
        items.clear();
        assertThat(v.elements()).hasSize(2);
        assertThat(v).hasToString("(a, 2)");
        assertThat(new BrokerData.Set(List.of(count(1), count(1)))).hasToString("{1, 1}");
        Table t = new Table(List.of(new Table.Entry(str("k"), BrokerData.bool(true)),
                new Table.Entry(str("k"), BrokerData.NONE)));
        assertThat(t).hasToString("{k -> T, k -> nil}");
        assertThat(t.get(str("k"))).contains(BrokerData.bool(true));
        assertThat(t.get(count(1))).isEqualTo(Optional.empty());
        assertThat(BrokerData.real(1.5)).hasToString("1.500000");
        assertThat(BrokerData.NONE).isEqualTo(new BrokerData.None());
        assertThatThrownBy(() -> BrokerData.vector(str("a"), null)).isInstanceOf(NullPointerException.class);
    }
}
