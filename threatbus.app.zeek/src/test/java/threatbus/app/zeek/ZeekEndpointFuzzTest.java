// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import threatbus.api.Bus;
import threatbus.api.Subscriber;
import threatbus.api.Subscription;
import threatbus.api.message.Message;
import threatbus.app.zeek.ZeekIntake.Rejection;
import threatbus.app.zeek.broker.Mutator;
import threatbus.app.zeek.broker.TransportSecurity;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * Mutated Zeek events thrown at a live Zeek app over a real peering: every input is rejected and counted or
 * acted on, the endpoint keeps serving, and a well-behaved peer afterwards subscribes and reports sightings
 * as usual. 100 000 inputs by default; {@code -Dthreatbus.fuzz.inputs=1000000} for a long run.
 */
class ZeekEndpointFuzzTest {

    private static final int INPUTS = Integer.getInteger("threatbus.fuzz.inputs", 100_000);
    /** The fuzzing peer reconnects now and then, as a misbehaving Zeek might, which also exercises peer loss. */
    private static final int INPUTS_PER_PEERING = 20_000;
    private static final String INTEL_ID = "indicator--42d31a5b-2da0-4bdd-9823-1723a98fc2fb";

    /** Counts what reaches the bus and hands out subscriptions that do nothing: no threads, no memory. */
    private static final class CountingBus implements Bus {
        final AtomicLong published = new AtomicLong();
        final AtomicLong subscribed = new AtomicLong();

        @Override
        public void publish(Message message) {
            published.incrementAndGet();
        }

        @Override
        public Subscription subscribe(Collection<String> topics, Duration snapshot, Subscriber subscriber) {
            subscribed.incrementAndGet();
            return new Subscription() {
                private volatile boolean active = true;

                public String id() {
                    return "s" + subscribed.get();
                }

                public List<String> topics() {
                    return List.copyOf(topics);
                }

                public Optional<String> snapshotId() {
                    return Optional.empty();
                }

                public long delivered() {
                    return 0;
                }

                public long dropped() {
                    return 0;
                }

                public long failed() {
                    return 0;
                }

                public int queued() {
                    return 0;
                }

                public boolean isActive() {
                    return active;
                }

                public void unsubscribe() {
                    active = false;
                }
            };
        }
    }

    @Test
    void mutatedEventsAreRejectedAndCountedWhileTheAppKeepsServing() throws Exception {
        CountingBus bus = new CountingBus();
        ZeekSettings settings = new ZeekSettings("127.0.0.1", 0, "Tenzir", TransportSecurity.PLAIN, 64 * 1024,
                100, Duration.ofSeconds(5));
        Instant seen = Instant.parse("2021-03-04T10:00:00Z");
        byte[] sighting = ZeekHarness.event("Tenzir::sighting", BrokerData.timestamp(seen), BrokerData.str(INTEL_ID),
                new BrokerData.Table(List.of(new BrokerData.Table.Entry(BrokerData.str("noisy"), BrokerData.bool(false)))));
        List<byte[]> seeds = List.of(
                ZeekHarness.subscribeEvent("stix2/indicator", Duration.ofDays(30)),
                ZeekHarness.event("Tenzir::unsubscribe", BrokerData.str("stix2/indicatorabcdefghij")),
                sighting,
                ZeekHarness.encode(threatbus.app.zeek.broker.data.ZeekEvent.of("Tenzir::sighting",
                        List.of(BrokerData.timestamp(seen), BrokerData.str(INTEL_ID), new BrokerData.Table(List.of())))));
        Mutator mutator = new Mutator(20261128L, seeds);
        long start = System.nanoTime();
        try (ZeekEndpoint endpoint = new ZeekEndpoint(settings, bus, Clock.systemUTC())) {
            int port = endpoint.broker().port();
            int sent = 0;
            int peerings = 0;
            while (sent < INPUTS) {
                // a fresh id per peering: the endpoint refuses a second peering of an id it still knows; an
                // empty filter: acknowledgements cannot be delivered, so subscriptions do not pile up
                byte[] id = ZeekTestPeer.smallId();
                id[14] = (byte) peerings;
                try (ZeekTestPeer fuzzer = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, port, id, List.of())) {
                    peerings++;
                    for (int i = 0; i < INPUTS_PER_PEERING && sent < INPUTS; i++, sent++) {
                        byte[] input = mutator.next();
                        fuzzer.publish(i % 2 == 0 ? "threatbus/manage" : "stix2/sighting", input);
                    }
                    fuzzer.bye(Duration.ofSeconds(60));
                } catch (IOException e) {
                    throw new AssertionError("the endpoint dropped the fuzzing peer after " + sent + " inputs", e);
                }
            }
            ZeekIntake intake = endpoint.session().intake();
            Await.until("every input counted", Duration.ofSeconds(60), () -> intake.receivedCount() == INPUTS);

            // a well-behaved Zeek is still served
            long publishedBefore = bus.published.get();
            try (ZeekTestPeer zeek = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, port, ZeekTestPeer.largeId(),
                    List.of("threatbus/manage"))) {
                zeek.publish("threatbus/manage", ZeekHarness.subscribeEvent("stix2/indicator", Duration.ZERO));
                String p2p = ZeekHarness.decode(ZeekHarness.nextData(zeek)).args().get(0).toString();
                assertThat(p2p).matches("\"?stix2/indicator[a-z]{10}\"?");
                zeek.publish("stix2/sighting", sighting);
                Await.until("the sighting published", Duration.ofSeconds(10),
                        () -> bus.published.get() == publishedBefore + 1);
            }

            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            StringBuilder report = new StringBuilder();
            for (Rejection rejection : Rejection.values()) {
                report.append(rejection.name().toLowerCase()).append('=').append(intake.rejectedCount(rejection))
                        .append(' ');
            }
            System.out.printf("zeek endpoint fuzz: %d inputs over %d peerings in %d s; subscribes %d, unsubscribes %d, "
                    + "sightings %d, ignored %d; rejected: %s%n", INPUTS, peerings, seconds, intake.subscribeCount(),
                    intake.unsubscribeCount(), intake.sightingCount(), intake.ignoredCount(), report);
            long accounted = intake.subscribeCount() + intake.unsubscribeCount() + intake.sightingCount()
                    + intake.ignoredCount();
            for (Rejection rejection : Rejection.values()) {
                accounted += intake.rejectedCount(rejection);
            }
            // each input is acted on, ignored or rejected exactly once
            assertThat(accounted).isEqualTo(intake.receivedCount());
            assertThat(intake.rejectedCount(Rejection.UNDECODABLE)).isPositive();
        }
    }
}
