// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.ZeekHarness.MANAGE;
import static threatbus.app.zeek.ZeekHarness.SIGHTINGS;
import static threatbus.app.zeek.ZeekHarness.T;
import static threatbus.app.zeek.ZeekHarness.encode;
import static threatbus.app.zeek.ZeekHarness.event;
import static threatbus.app.zeek.ZeekHarness.nothingPending;
import static threatbus.app.zeek.ZeekSightingTest.INTEL_ID;
import static threatbus.app.zeek.ZeekSightingTest.SEEN;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import threatbus.api.message.Sighting;
import threatbus.app.zeek.ZeekIntake.Rejection;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.BrokerDataCodec;
import threatbus.app.zeek.broker.data.ZeekEvent;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * What Zeek (or anything else on the peering) sends that does not fit is counted under its rejection and
 * changes nothing; the same peering goes on working.
 */
class ZeekBadInputTest {

    private ZeekHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ZeekHarness();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static BrokerData.Table noisy() {
        return new BrokerData.Table(List.of(new BrokerData.Table.Entry(BrokerData.str("noisy"),
                BrokerData.bool(false))));
    }

    static Stream<Arguments> badInput() {
        BrokerData indicatorTopic = BrokerData.str("stix2/indicator");
        BrokerData noSnapshot = BrokerData.timespan(Duration.ZERO);
        return Stream.of(
                Arguments.of("garbage bytes", MANAGE, new byte[] {(byte) 0xFF, 0x00, 0x13, 0x37},
                        Rejection.UNDECODABLE),
                Arguments.of("an empty payload", SIGHTINGS, new byte[0], Rejection.UNDECODABLE),
                Arguments.of("a truncated event", MANAGE,
                        Arrays.copyOf(event("Tenzir::subscribe", indicatorTopic, noSnapshot), 20),
                        Rejection.UNDECODABLE),
                Arguments.of("a string, not a Zeek event", MANAGE,
                        BrokerDataCodec.encode(BrokerData.str("Tenzir::subscribe")), Rejection.UNDECODABLE),
                Arguments.of("a Zeek log write, not an event", MANAGE,
                        BrokerDataCodec.encode(BrokerData.vector(BrokerData.count(1), BrokerData.count(3),
                                BrokerData.vector(BrokerData.str("x"), BrokerData.vector()))),
                        Rejection.UNDECODABLE),
                Arguments.of("subscribe with one argument", MANAGE, event("Tenzir::subscribe", indicatorTopic),
                        Rejection.WRONG_ARGUMENTS),
                Arguments.of("subscribe with three arguments", MANAGE,
                        event("Tenzir::subscribe", indicatorTopic, noSnapshot, noSnapshot), Rejection.WRONG_ARGUMENTS),
                Arguments.of("subscribe with a count as topic", MANAGE,
                        event("Tenzir::subscribe", BrokerData.count(1), noSnapshot), Rejection.WRONG_ARGUMENTS),
                Arguments.of("subscribe with a string as interval", MANAGE,
                        event("Tenzir::subscribe", indicatorTopic, BrokerData.str("30 days")),
                        Rejection.WRONG_ARGUMENTS),
                Arguments.of("subscribe to an empty topic", MANAGE,
                        event("Tenzir::subscribe", BrokerData.str(""), noSnapshot), Rejection.WRONG_ARGUMENTS),
                Arguments.of("unsubscribe without argument", MANAGE, encode(ZeekEvent.of("Tenzir::unsubscribe",
                        List.of())), Rejection.WRONG_ARGUMENTS),
                Arguments.of("unsubscribe with a count", MANAGE,
                        event("Tenzir::unsubscribe", BrokerData.count(7)), Rejection.WRONG_ARGUMENTS),
                Arguments.of("a sighting with two arguments", SIGHTINGS,
                        event("Tenzir::sighting", BrokerData.timestamp(SEEN), BrokerData.str(INTEL_ID)),
                        Rejection.WRONG_ARGUMENTS),
                Arguments.of("a sighting with a string as time", SIGHTINGS,
                        event("Tenzir::sighting", BrokerData.str("now"), BrokerData.str(INTEL_ID), noisy()),
                        Rejection.WRONG_ARGUMENTS),
                Arguments.of("a sighting with a vector as context", SIGHTINGS,
                        event("Tenzir::sighting", BrokerData.timestamp(SEEN), BrokerData.str(INTEL_ID),
                                BrokerData.vector()),
                        Rejection.WRONG_ARGUMENTS),
                Arguments.of("a sighting of a non-STIX intel id", SIGHTINGS,
                        event("Tenzir::sighting", BrokerData.timestamp(SEEN), BrokerData.str("evil.com"), noisy()),
                        Rejection.INVALID_SIGHTING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsCountedAndTheSamePeeringGoesOnWorking(String what, String topic, byte[] payload,
            Rejection expected) throws Exception {
        ZeekTestPeer zeek = harness.peer(List.of(MANAGE));

        zeek.publish(topic, payload);

        Await.until(expected + " to be counted", T, () -> harness.intake().rejectedCount(expected) == 1);
        for (Rejection other : Rejection.values()) {
            if (other != expected) {
                assertThat(harness.intake().rejectedCount(other)).as(other.name()).isZero();
            }
        }
        assertThat(harness.bus.subscriptions).isEmpty();
        assertThat(harness.bus.published).isEmpty();
        assertThat(harness.session().subscribers()).isEmpty();
        assertThat(nothingPending(zeek)).isTrue();
        assertThat(harness.brokerPeer(zeek)).isNotNull();

        String p2p = harness.subscribe(zeek, "stix2/indicator");
        assertThat(harness.bus.active()).singleElement().satisfies(s -> assertThat(s.topics())
                .containsExactly("stix2/indicator"));
        zeek.publish(SIGHTINGS, ZeekSightingTest.sighting("Tenzir::sighting", INTEL_ID));
        Await.until("the sighting", T, () -> harness.bus.published.size() == 1);
        assertThat(((Sighting) harness.bus.published.get(0)).sightingOfRef()).isEqualTo(INTEL_ID);
        assertThat(harness.subscriber(p2p).peer()).isSameAs(harness.brokerPeer(zeek));
        assertThat(harness.intake().receivedCount()).isEqualTo(3);
    }
}
