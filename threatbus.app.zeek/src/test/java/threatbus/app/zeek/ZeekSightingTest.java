// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.ZeekHarness.SIGHTINGS;
import static threatbus.app.zeek.ZeekHarness.T;
import static threatbus.app.zeek.ZeekHarness.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import threatbus.api.message.Sighting;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/** {@code Tenzir::sighting} from Zeek becomes a STIX sighting on the bus. */
class ZeekSightingTest {

    static final String INTEL_ID = "indicator--42d31a5b-2da0-4bdd-9823-1723a98fc2fb";
    static final Instant SEEN = Instant.parse("2026-11-28T11:58:00.123456789Z");

    private ZeekHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ZeekHarness();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    static byte[] sighting(String name, String intelId) {
        return event(name, BrokerData.timestamp(SEEN), BrokerData.str(intelId),
                new BrokerData.Table(List.of(new BrokerData.Table.Entry(BrokerData.str("noisy"),
                        BrokerData.bool(false)))));
    }

    @Test
    void aZeekSightingIsPublishedAsAStixSightingOfTheIntel() throws Exception {
        ZeekTestPeer zeek = harness.peer();

        zeek.publish(SIGHTINGS, sighting("Tenzir::sighting", INTEL_ID));

        Await.until("the sighting on the bus", T, () -> harness.bus.published.size() == 1);
        Sighting sighting = (Sighting) harness.bus.published.get(0);
        assertThat(sighting.sightingOfRef()).isEqualTo(INTEL_ID);
        assertThat(sighting.lastSeen()).contains(SEEN);
        assertThat(sighting.created()).isEqualTo(ZeekHarness.NOW);
        assertThat(sighting.context().orElseThrow().toString()).isEqualTo("{\"noisy\":false}");
        assertThat(new String(sighting.json().toByteArray(), StandardCharsets.UTF_8))
                .contains("\"x_threatbus_sighting_context\": {\"noisy\": false}");
        assertThat(harness.intake().sightingCount()).isEqualTo(1);
    }

    @Test
    void theNamespacePrefixOfSightingIsOptional() throws Exception {
        ZeekTestPeer zeek = harness.peer();

        zeek.publish(SIGHTINGS, sighting("sighting", INTEL_ID));

        Await.until("the sighting on the bus", T, () -> harness.bus.published.size() == 1);
        assertThat(((Sighting) harness.bus.published.get(0)).sightingOfRef()).isEqualTo(INTEL_ID);
    }

    @Test
    void aSightingWaitsForRoomWhileTheBusIsFull() throws Exception {
        ZeekTestPeer zeek = harness.peer();
        harness.bus.refuseNext(3);

        zeek.publish(SIGHTINGS, sighting("Tenzir::sighting", INTEL_ID));

        Await.until("the sighting on the bus", T, () -> harness.bus.published.size() == 1);
        assertThat(harness.bus.refused()).isEqualTo(3);
        assertThat(harness.intake().waitedForBusCount()).isEqualTo(1);
        assertThat(harness.intake().sightingCount()).isEqualTo(1);
    }

    @Test
    void aSightingOnAnotherTopicOrASubscribeOnTheSightingTopicIsIgnored() throws Exception {
        ZeekTestPeer zeek = harness.peer();

        zeek.publish(ZeekHarness.MANAGE, sighting("Tenzir::sighting", INTEL_ID));
        zeek.publish(SIGHTINGS, ZeekHarness.subscribeEvent("stix2/indicator", java.time.Duration.ZERO));

        Await.until("both to be ignored", T, () -> harness.intake().ignoredCount() == 2);
        assertThat(harness.bus.published).isEmpty();
        assertThat(harness.bus.subscriptions).isEmpty();
    }
}
