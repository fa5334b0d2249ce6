// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import threatbus.api.history.Versions;
import threatbus.api.message.Indicator;
import threatbus.api.message.Operation;
import threatbus.api.message.Sighting;
import threatbus.store.IntelStore.Outcome;

/** The store's rules: newer versions win, REMOVE and revoked retire, expiries are claimed once, it persists. */
class IntelStoreTest {

    static final String ID = "indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01";
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final int VERSIONS_KEPT = 3;

    @TempDir
    Path folder;

    private IntelStore store;

    @BeforeEach
    void open() {
        store = IntelStore.open(folder.resolve("store.mv.db"), VERSIONS_KEPT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Indicator.Builder indicator(String id, Instant modified, String ip) {
        Instant created = modified.isBefore(T0) ? modified : T0;
        return Indicator.builder().id(id).created(created).modified(modified).validFrom(created)
                .pattern("[ipv4-addr:value = '" + ip + "']");
    }

    @Test
    void aNewerVersionReplacesAnOlderOneAndAnOlderOneIsIgnored() {
        assertThat(store.put(indicator(ID, T0.plusSeconds(10), "6.6.6.6").build())).isEqualTo(Outcome.STORED);
        assertThat(store.put(indicator(ID, T0.plusSeconds(5), "5.5.5.5").build())).isEqualTo(Outcome.STALE);
        assertThat(store.put(indicator(ID, T0.plusSeconds(10), "6.6.6.6").build())).isEqualTo(Outcome.STALE);
        assertThat(store.put(indicator(ID, T0.plusSeconds(20), "7.7.7.7").build())).isEqualTo(Outcome.STORED);

        assertThat(store.indicator(ID).orElseThrow().pattern()).isEqualTo("[ipv4-addr:value = '7.7.7.7']");
        assertThat(store.idsByValue("7.7.7.7")).containsExactly(ID);
        assertThat(store.idsByValue("6.6.6.6")).isEmpty();
        assertThat(store.indicatorCount()).isEqualTo(1);
    }

    @Test
    void aRemoveOfTheSameVersionRetiresAndKeepsOlderVersionsOut() {
        store.put(indicator(ID, T0, "6.6.6.6").validUntil(T0.plusSeconds(3_600)).build());

        assertThat(store.put(indicator(ID, T0, "6.6.6.6").update(Operation.REMOVE).build()))
                .isEqualTo(Outcome.RETIRED);
        assertThat(store.put(indicator(ID, T0, "6.6.6.6").build())).isEqualTo(Outcome.STALE);

        assertThat(store.idsByValue("6.6.6.6")).isEmpty();
        assertThat(store.pendingExpiries()).isZero();
        assertThat(active(T0)).isEmpty();
        assertThat(store.put(indicator(ID, T0.plusSeconds(1), "6.6.6.6").build()))
                .as("a newer version brings it back").isEqualTo(Outcome.STORED);
    }

    @Test
    void aRevokedVersionRetires() {
        store.put(indicator(ID, T0, "6.6.6.6").build());

        assertThat(store.put(indicator(ID, T0.plusSeconds(1), "6.6.6.6").revoked(true).build()))
                .isEqualTo(Outcome.RETIRED);
        assertThat(active(T0)).isEmpty();
    }

    @Test
    void anExpiryIsDueAtItsTimeAndClaimedOnce() {
        Instant until = T0.plusSeconds(60);
        store.put(indicator(ID, T0, "6.6.6.6").validUntil(until).build());
        store.put(indicator("indicator--00000000-0000-4000-8000-000000000002", T0, "7.7.7.7")
                .validUntil(until.plusSeconds(60)).build());

        assertThat(store.dueForExpiry(until.minusMillis(1), 10)).isEmpty();
        List<Indicator> due = store.dueForExpiry(until, 10);
        assertThat(due).extracting(Indicator::id).containsExactly(ID);

        assertThat(store.claimExpiry(due.get(0))).isTrue();
        assertThat(store.claimExpiry(due.get(0))).isFalse();
        assertThat(store.dueForExpiry(until, 10)).isEmpty();
        assertThat(active(until.minusSeconds(1))).extracting(Indicator::id).contains(ID);
        assertThat(active(until)).extracting(Indicator::id).doesNotContain(ID);
    }

    @Test
    void sightingsAreCountedPerIndicatorAndPrunedByAge() {
        store.add(sighting("sighting--00000000-0000-4000-8000-000000000001", T0.plusSeconds(10)));
        store.add(sighting("sighting--00000000-0000-4000-8000-000000000002", T0.plusSeconds(20)));
        store.add(sighting("sighting--00000000-0000-4000-8000-000000000003", T0.plusSeconds(30)));

        assertThat(store.summary(ID)).hasValue(new SightingIndex.Summary(3, T0.plusSeconds(10),
                T0.plusSeconds(30)));
        List<Sighting> recent = new ArrayList<>();
        store.sightingsSince(T0.plusSeconds(20), recent::add);
        assertThat(recent).extracting(SightingIndex::seen).containsExactly(T0.plusSeconds(20), T0.plusSeconds(30));

        assertThat(store.pruneSightings(T0.plusSeconds(25))).isEqualTo(2);
        assertThat(store.sightingCount()).isEqualTo(1);
        assertThat(store.oldestSighting()).hasValue(T0.plusSeconds(30));
        assertThat(store.summary(ID).orElseThrow().count()).as("counts outlive pruning").isEqualTo(3);
    }

    @Test
    void whatIsCommittedIsThereAfterReopening() {
        store.put(indicator(ID, T0, "6.6.6.6").validUntil(T0.plusSeconds(60)).build());
        store.add(sighting("sighting--00000000-0000-4000-8000-000000000001", T0.plusSeconds(10)));
        store.close();

        store = IntelStore.open(folder.resolve("store.mv.db"), VERSIONS_KEPT);

        assertThat(store.indicator(ID)).isPresent();
        assertThat(store.idsByValue("6.6.6.6")).containsExactly(ID);
        assertThat(store.dueForExpiry(T0.plusSeconds(60), 10)).hasSize(1);
        assertThat(store.sightingCount()).isEqualTo(1);
        assertThat(store.summary(ID)).isPresent();
    }

    @Test
    void valuesBeyondAsciiReadBackAfterReopening() {
        store.put(indicator(ID, T0, "6.6.6.6").pattern("[domain-name:value = 'bücher.例え.jp']").build());
        store.close();

        store = IntelStore.open(folder.resolve("store.mv.db"), VERSIONS_KEPT);

        assertThat(store.idsByValue("bücher.例え.jp")).containsExactly(ID);
        assertThat(store.indicator(ID).orElseThrow().pattern()).isEqualTo("[domain-name:value = 'bücher.例え.jp']");
    }

    @Test
    void snapshotsSelectActiveIndicatorsModifiedSinceAndNotExpired() {
        store.put(indicator("indicator--00000000-0000-4000-8000-000000000001", T0, "1.1.1.1").build());
        store.put(indicator("indicator--00000000-0000-4000-8000-000000000002", T0.plusSeconds(100), "2.2.2.2")
                .build());
        store.put(indicator("indicator--00000000-0000-4000-8000-000000000003", T0.plusSeconds(100), "3.3.3.3")
                .validUntil(T0.plusSeconds(150)).build());

        assertThat(active(T0.plusSeconds(50), T0.plusSeconds(120))).extracting(Indicator::pattern)
                .containsExactlyInAnyOrder("[ipv4-addr:value = '2.2.2.2']", "[ipv4-addr:value = '3.3.3.3']");
        assertThat(active(T0.plusSeconds(50), T0.plusSeconds(150))).extracting(Indicator::pattern)
                .containsExactly("[ipv4-addr:value = '2.2.2.2']");
    }

    @Test
    void theStoreListsCurrentVersionsAndSightingsInTheOrderTheyWereAdded() {
        String other = "indicator--00000000-0000-4000-8000-000000000002";
        store.put(indicator(ID, T0, "6.6.6.6").build());
        store.put(indicator(other, T0, "7.7.7.7").build());
        store.add(sighting("sighting--00000000-0000-4000-8000-000000000001", T0.plusSeconds(10)));
        store.put(indicator(ID, T0.plusSeconds(1), "6.6.6.6").build()); // a new version moves to the end

        List<IntelStore.Added> indicators = latest(IntelStore.Kind.INDICATORS, null);
        assertThat(indicators).extracting(a -> a.object().id()).containsExactly(other, ID);
        assertThat(indicators.get(1).object().modified()).isEqualTo(T0.plusSeconds(1));
        assertThat(indicators.get(0).dateAdded()).isBefore(indicators.get(1).dateAdded());
        assertThat(latest(IntelStore.Kind.INDICATORS, indicators.get(0).addedKey()))
                .extracting(a -> a.object().id()).containsExactly(ID);
        assertThat(latest(IntelStore.Kind.SIGHTINGS, null)).hasSize(1);
        assertThat(store.added(IntelStore.Kind.INDICATORS, Versions.LATEST, null, 1, o -> true)).hasSize(1);

        store.pruneSightings(T0.plusSeconds(60));
        assertThat(latest(IntelStore.Kind.SIGHTINGS, null)).isEmpty();
        Instant added = indicators.get(0).dateAdded();
        assertThat(StoreKeys.addedTime(StoreKeys.addedKey(added))).isEqualTo(added);
    }

    @Test
    void earlierVersionsAreKeptUpToTheLimitAndSelectedAsAsked() {
        assertThat(store.put(indicator(ID, T0.minusSeconds(1), "6.6.6.9").build())).isEqualTo(Outcome.STORED);
        for (int i = 0; i < 5; i++) {
            store.put(indicator(ID, T0.plusSeconds(i), "6.6.6." + i).build());
        }
        assertThat(store.put(indicator(ID, T0.plusSeconds(2), "6.6.6.2").build())).isEqualTo(Outcome.STALE);

        assertThat(store.versions(IntelStore.Kind.INDICATORS, ID)).extracting(a -> a.object().modified())
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4));
        assertThat(store.versions(IntelStore.Kind.INDICATORS, "indicator--00000000-0000-4000-8000-00000000000f"))
                .isEmpty();
        assertThat(modified(Versions.LATEST)).containsExactly(T0.plusSeconds(4));
        assertThat(modified(Versions.ALL)).containsExactly(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4));
        assertThat(modified(new Versions(false, false, true, Set.of()))).containsExactly(T0.plusSeconds(2));
        assertThat(modified(new Versions(false, true, true, Set.of()))).containsExactly(T0.plusSeconds(2),
                T0.plusSeconds(4));
        assertThat(modified(new Versions(false, false, false, Set.of(T0.plusSeconds(3)))))
                .containsExactly(T0.plusSeconds(3));

        // lookups, snapshots and expiry know the latest version only
        assertThat(store.indicatorCount()).isEqualTo(1);
        assertThat(store.idsByValue("6.6.6.3")).isEmpty();
        assertThat(store.idsByValue("6.6.6.4")).containsExactly(ID);
        assertThat(active(T0.plusSeconds(60))).extracting(Indicator::modified).containsExactly(T0.plusSeconds(4));
    }

    @Test
    void aFileThatIsNotAStoreOrIsInUseIsAnErrorThatSaysWhatToDo() throws Exception {
        Path notAStore = folder.resolve("garbage.mv.db");
        Files.write(notAStore, new byte[20_000]);
        assertThatThrownBy(() -> IntelStore.open(notAStore, VERSIONS_KEPT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot open the store file " + notAStore.toAbsolutePath())
                .hasMessageContaining("move the file aside");

        assertThatThrownBy(() -> IntelStore.open(folder.resolve("store.mv.db"), VERSIONS_KEPT))
                .as("the file the test holds open").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("locked").hasMessageContaining("another process uses it");
    }

    private List<IntelStore.Added> latest(IntelStore.Kind kind, String after) {
        return store.added(kind, Versions.LATEST, after, 10, o -> true);
    }

    private List<Instant> modified(Versions versions) {
        return store.added(IntelStore.Kind.INDICATORS, versions, null, 10, o -> true).stream()
                .map(a -> a.object().modified()).toList();
    }

    private List<Indicator> active(Instant now) {
        return active(Instant.EPOCH, now);
    }

    private List<Indicator> active(Instant since, Instant now) {
        List<Indicator> out = new ArrayList<>();
        store.activeIndicators(since, now, out::add);
        return out;
    }

    static Sighting sighting(String id, Instant seen) {
        return Sighting.builder().id(id).created(seen).modified(seen).sightingOfRef(ID).lastSeen(seen).build();
    }
}
