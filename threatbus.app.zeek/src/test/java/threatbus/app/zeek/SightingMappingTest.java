// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import threatbus.api.message.Sighting;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.ZeekEvent;

class SightingMappingTest {

    private static final String INTEL_ID = "indicator--42d31a5b-2da0-4bdd-9823-1723a98fc2fb";
    private static final Instant SEEN = Instant.parse("2021-03-04T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final SightingMapping mapping = new SightingMapping(Clock.fixed(NOW, ZoneOffset.UTC));

    private static BrokerData.Table context(BrokerData... keysAndValues) {
        List<BrokerData.Table.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.add(new BrokerData.Table.Entry(keysAndValues[i], keysAndValues[i + 1]));
        }
        return new BrokerData.Table(entries);
    }

    private static ZeekEvent sighting(BrokerData... args) {
        return ZeekEvent.of("Tenzir::sighting", List.of(args));
    }

    @Test
    void zeeksSightingBecomesAStixSightingAsTheOriginalMadeIt() throws Exception {
        Sighting sighting = mapping.toSighting(sighting(BrokerData.timestamp(SEEN), BrokerData.str(INTEL_ID),
                context(BrokerData.str("noisy"), BrokerData.bool(false))));

        assertThat(sighting.sightingOfRef()).isEqualTo(INTEL_ID);
        assertThat(sighting.lastSeen()).contains(SEEN);
        assertThat(sighting.created()).isEqualTo(NOW);
        assertThat(sighting.context().orElseThrow().toString()).isEqualTo("{\"noisy\":false}");
        assertThat(new String(sighting.json().toByteArray(), StandardCharsets.UTF_8))
                .contains("\"x_threatbus_sighting_context\": {\"noisy\": false}");
    }

    @Test
    void richContextsBecomeReadableJson() throws Exception {
        Sighting sighting = mapping.toSighting(sighting(BrokerData.timestamp(SEEN), BrokerData.str(INTEL_ID),
                context(BrokerData.str("orig_h"), BrokerData.Address.parse("192.0.2.1"),
                        BrokerData.str("resp_p"), new BrokerData.Port(443, BrokerData.Port.Protocol.TCP),
                        BrokerData.str("count"), BrokerData.count(3))));

        assertThat(sighting.context().orElseThrow().toString())
                .isEqualTo("{\"orig_h\":\"192.0.2.1\",\"resp_p\":\"443/tcp\",\"count\":3}");
    }

    @Test
    void wrongArgumentCountIsRejectedWithTheSignature() {
        assertThatThrownBy(() -> mapping.toSighting(sighting(BrokerData.timestamp(SEEN), BrokerData.str(INTEL_ID))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Tenzir::sighting takes 3 arguments (ts, intel_id, context), got 2");
    }

    @Test
    void wrongArgumentTypeIsRejectedNamingTheArgument() {
        assertThatThrownBy(() -> mapping.toSighting(sighting(BrokerData.count(1), BrokerData.str(INTEL_ID),
                context())))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Tenzir::sighting: argument 1 (ts) must be a time, got a count");
    }

    @Test
    void anIntelIdThatIsNoStixIdIsRejected() {
        assertThatThrownBy(() -> mapping.toSighting(sighting(BrokerData.timestamp(SEEN), BrokerData.str("evil.com"),
                context())))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("Tenzir::sighting: not a valid STIX sighting: ");
    }
}
