// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.broker.data.BrokerData.count;
import static threatbus.app.zeek.broker.data.BrokerData.str;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import threatbus.app.zeek.broker.data.BrokerData.Address;
import threatbus.app.zeek.broker.data.BrokerData.EnumValue;
import threatbus.app.zeek.broker.data.BrokerData.Port;
import threatbus.app.zeek.broker.data.BrokerData.Subnet;
import threatbus.app.zeek.broker.data.BrokerData.Table;
import threatbus.app.zeek.broker.data.BrokerData.Timespan;

/** JSON as a sighting's context shows it. */
class BrokerJsonTest {

    private static String json(BrokerData value) {
        return BrokerJson.toJson(value).toString();
    }

    @Test
    void scalars() {
        assertThat(json(BrokerData.NONE)).isEqualTo("null");
        assertThat(json(BrokerData.bool(true))).isEqualTo("true");
        assertThat(json(count(42))).isEqualTo("42");
        assertThat(json(count(-1))).isEqualTo("18446744073709551615");
        assertThat(json(BrokerData.integer(-7))).isEqualTo("-7");
        assertThat(json(BrokerData.real(2.5))).isEqualTo("2.5");
        assertThat(json(BrokerData.real(Double.NaN))).isEqualTo("null");
        assertThat(json(BrokerData.real(Double.NEGATIVE_INFINITY))).isEqualTo("null");
        assertThat(json(str("a\"b"))).isEqualTo("\"a\\\"b\"");
        assertThat(json(new EnumValue("Intel::ADDR"))).isEqualTo("\"Intel::ADDR\"");
    }

    @Test
    void networkValuesAsText() {
        assertThat(json(Address.parse("192.0.2.1"))).isEqualTo("\"192.0.2.1\"");
        assertThat(json(Address.parse("2001:db8::1"))).isEqualTo("\"2001:db8::1\"");
        assertThat(json(Subnet.parse("10.0.0.0/8"))).isEqualTo("\"10.0.0.0/8\"");
        assertThat(json(new Port(80, Port.Protocol.TCP))).isEqualTo("\"80/tcp\"");
    }

    @Test
    void timesAsIsoInstantsAndIntervalsAsSeconds() {
        assertThat(json(BrokerData.timestamp(Instant.parse("2022-05-16T12:00:00Z"))))
                .isEqualTo("\"2022-05-16T12:00:00Z\"");
        assertThat(json(BrokerData.timestamp(Instant.parse("2022-05-16T12:00:00.000000001Z"))))
                .isEqualTo("\"2022-05-16T12:00:00.000000001Z\"");
        assertThat(json(BrokerData.timestamp(Instant.parse("2022-05-16T12:00:00.120Z"))))
                .isEqualTo("\"2022-05-16T12:00:00.120Z\"");
        assertThat(json(BrokerData.timespan(Duration.ofSeconds(30)))).isEqualTo("30");
        assertThat(json(BrokerData.timespan(Duration.ofMillis(1500)))).isEqualTo("1.5");
        assertThat(BrokerJson.toJson(new Timespan(1)).decimalValue()).isEqualByComparingTo("0.000000001");
        assertThat(json(new Timespan(-250_000_000))).isEqualTo("-0.25");
    }

    @Test
    void containers() {
        assertThat(json(BrokerData.vector(count(1), str("a")))).isEqualTo("[1,\"a\"]");
        assertThat(json(new BrokerData.Set(List.of(Address.parse("192.0.2.1"))))).isEqualTo("[\"192.0.2.1\"]");
        assertThat(json(new Table(List.of(new Table.Entry(str("k"), count(1)),
                new Table.Entry(Address.parse("192.0.2.1"), BrokerData.bool(false)),
                new Table.Entry(count(5), BrokerData.NONE)))))
                .isEqualTo("{\"k\":1,\"192.0.2.1\":false,\"5\":null}");
    }

    @Test
    void tableKeysThatRenderAlikeBecomePairs() {
        Table t = new Table(List.of(new Table.Entry(str("5"), count(1)), new Table.Entry(count(5), count(2))));
        assertThat(json(t)).isEqualTo("[[\"5\",1],[5,2]]");
    }
}
