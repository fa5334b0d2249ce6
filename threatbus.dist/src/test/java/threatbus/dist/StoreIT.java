// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.Test;

import threatbus.api.Application;
import threatbus.api.Subscription;
import threatbus.api.message.Indicator;
import threatbus.api.message.Operation;
import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * The store in the running bus: a late subscriber gets the history with no MISP configured, over zmq and
 * from Zeek, and an indicator is withdrawn on the bus when its {@code valid_until} passes.
 */
public class StoreIT extends BusInFelix {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Five indicators of the last days, published and stored. */
    private List<Indicator> storeHistory() throws Exception {
        List<Indicator> history = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            Instant created = now.minus(Duration.ofDays(i + 1));
            history.add(Indicator.builder().created(created).validFrom(created).name("history-" + i)
                    .pattern("[domain-name:value = 'history" + i + ".example']").build());
        }
        for (Indicator indicator : history) {
            bus.publish(indicator);
        }
        Await.until("the store took them", () -> store().contains("5 indicator versions stored"), this::store);
        return history;
    }

    private String store() {
        return shell("threatbus:store");
    }

    @Test
    public void aLateZmqSubscriberGetsTheStoredHistoryWithNoMispConfigured() throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        StoreFixture.start(context, configurationAdmin, commands);
        assertTrue("no MISP app", context.getServiceReferences(Application.class, "(threatbus.app.name=misp)")
                .isEmpty());
        List<Indicator> history = storeHistory();

        try (ZmqTestApp late = new ZmqTestApp(zmq, "\"stix2/indicator\"", 30)) {
            Set<String> received = new TreeSet<>();
            String frame;
            while (received.size() < history.size() && (frame = late.receive(10_000)) != null) {
                assertTrue(frame, frame.startsWith(late.p2p + "indicator {\"type\": \"indicator\""));
                received.add(frame.replaceAll(".*\"name\": \"([^\"]+)\".*", "$1"));
            }
            assertEquals(Set.of("history-0", "history-1", "history-2", "history-3", "history-4"), received);
        }
        String status = shell("threatbus:status");
        assertTrue(status, status.contains("5 items delivered, 0 duplicates dropped"));
        String lookup = shell("threatbus:store history3.example");
        assertTrue(lookup, lookup.contains(history.get(3).id() + " (active; 1 version kept)")
                && lookup.contains("never sighted"));
    }

    @Test
    public void aZeekPeerSubscribingWithASnapshotIntervalGetsTheStoredHistory() throws Exception {
        ZeekFixture zeek = ZeekFixture.start(context, configurationAdmin, false);
        StoreFixture.start(context, configurationAdmin, commands);
        List<Indicator> history = storeHistory();

        try (ZeekTestPeer peer = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, zeek.port, ZeekTestPeer.smallId(),
                List.of("threatbus/manage"))) {
            String p2p = ZeekAppIT.subscribe(peer); // 30 days, as the Zeek script's default
            Set<String> ids = new TreeSet<>();
            while (ids.size() < history.size()) {
                RawWire.Op intel = peer.next(RawWire.DATA, WAIT);
                assertEquals(p2p, intel.topic());
                String payload = new String(intel.payload(), StandardCharsets.ISO_8859_1);
                assertTrue("a Tenzir::intel event", payload.contains("Tenzir::intel"));
                history.stream().map(Indicator::id).filter(payload::contains).forEach(ids::add);
            }
            assertEquals(history.stream().map(Indicator::id).collect(Collectors.toCollection(TreeSet::new)), ids);
            peer.bye(WAIT);
        }
    }

    @Test
    public void turnedOffTheStoreIsNoApplicationAndKeepsNothing() throws Exception {
        StoreFixture.start(context, configurationAdmin, commands);
        Dictionary<String, Object> off = configurationAdmin.getConfiguration("threatbus.store", "?").getProperties();
        off.put("enabled", false);
        configurationAdmin.getConfiguration("threatbus.store", "?").update(off);

        Await.until("the store left the bus", () -> !shell("threatbus:status")
                .contains("threatbus.store"));
        assertEquals("Store off (store.enabled: false) or not started\n", store());
        assertTrue(context.getServiceReferences(Application.class, "(threatbus.app.name=store)").isEmpty());
    }

    @Test
    public void anIndicatorIsLookedUpByItsId() throws Exception {
        StoreFixture.start(context, configurationAdmin, commands);
        List<Indicator> history = storeHistory();

        String lookup = shell("threatbus:store " + history.get(0).id());

        assertTrue(lookup, lookup.startsWith(history.get(0).id() + " (active; 1 version kept)\n"));
        assertTrue(lookup, lookup.contains("\"name\": \"history-0\""));
    }

    @Test
    public void anIndicatorIsWithdrawnOnTheBusWhenItsValidUntilPasses() throws Exception {
        StoreFixture.start(context, configurationAdmin, commands);
        List<Indicator> seen = new CopyOnWriteArrayList<>();
        Subscription subscription = bus.subscribe("stix2/indicator", message -> seen.add((Indicator) message));
        try {
            Instant created = Instant.now();
            Instant until = created.plusSeconds(2);
            Indicator shortLived = Indicator.builder().created(created).validFrom(created).validUntil(until)
                    .pattern("[ipv4-addr:value = '203.0.113.7']").build();
            bus.publish(shortLived);

            Await.until("the withdrawal", () -> seen.stream().anyMatch(i -> i.update().isPresent()),
                    () -> seen + "\n" + store());
            Instant withdrawnAt = Instant.now();
            Indicator withdrawal = seen.stream().filter(i -> i.update().isPresent()).findFirst().orElseThrow();
            assertEquals(shortLived.id(), withdrawal.id());
            assertEquals(Operation.REMOVE, withdrawal.update().get());
            assertFalse("not before valid_until", withdrawnAt.isBefore(until));
            assertTrue("within a second of valid_until, was " + Duration.between(until, withdrawnAt),
                    Duration.between(until, withdrawnAt).compareTo(Duration.ofSeconds(1)) < 0);
            Await.until("retired in the store", () -> shell("threatbus:store 203.0.113.7")
                    .contains("No indicator 203.0.113.7"));
            assertTrue(store(), store().contains("1 expired and withdrawn"));
        } finally {
            subscription.unsubscribe();
        }
    }
}
