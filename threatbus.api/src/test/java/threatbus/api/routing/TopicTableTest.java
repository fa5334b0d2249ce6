// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Prefix routing semantics of the original (spec §1.7, §2.1). */
class TopicTableTest {

    private final TopicTable<String> table = new TopicTable<>();

    @Test
    void matchesByPrefix() {
        table.add("stix2/indicator", "indicators");
        table.add("stix2/", "stix");
        table.add("stix2", "stix-no-slash");
        table.add("", "everything");
        table.add("threatbus/", "internal");

        assertThat(table.match("stix2/indicator")).containsExactlyInAnyOrder("indicators", "stix", "stix-no-slash",
                "everything");
        assertThat(table.match("stix2/sighting")).containsExactlyInAnyOrder("stix", "stix-no-slash", "everything");
        assertThat(table.match("threatbus/snapshotrequest")).containsExactlyInAnyOrder("internal", "everything");
    }

    @Test
    void deliversTwiceToATargetUnderTwoMatchingPrefixes() {
        table.add("stix2", "app");
        table.add("stix2/indicator", "app");

        assertThat(table.match("stix2/indicator")).containsExactly("app", "app");
        assertThat(table.match("stix2/sighting")).containsExactly("app");
    }

    @Test
    void addingTheSameTargetTwiceToOnePrefixHasNoEffect() {
        assertThat(table.add("stix2/", "app")).isTrue();
        assertThat(table.add("stix2/", "app")).isFalse();

        assertThat(table.match("stix2/sighting")).containsExactly("app");
    }

    @Test
    void removesFromExactlyThePrefixGiven() {
        table.add("stix2", "app");
        table.add("stix2/indicator", "app");

        assertThat(table.remove("stix2/", "app")).isFalse();
        assertThat(table.remove("stix2", "app")).isTrue();

        assertThat(table.match("stix2/indicator")).containsExactly("app");
        assertThat(table.match("stix2/sighting")).isEmpty();
    }

    @Test
    void removesEverywhere() {
        table.add("stix2", "app");
        table.add("", "app");
        table.add("", "other");

        table.removeEverywhere("app");

        assertThat(table.match("stix2/indicator")).containsExactly("other");
        assertThat(table.prefixes()).containsOnlyKeys("");
    }

    @Test
    void seesChangesMadeAfterATopicWasCached() {
        table.add("stix2/", "first");
        assertThat(table.match("stix2/indicator")).containsExactly("first");

        table.add("stix2/indicator", "second");

        assertThat(table.match("stix2/indicator")).containsExactly("first", "second");
    }

    @Test
    void routesWhileOthersChangeTheTable() throws Exception {
        table.add("", "stable");
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 2_000; i++) {
                    table.add("stix2/", "t" + i);
                    table.remove("stix2/", "t" + i);
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        writer.start();
        List<String> seen = new ArrayList<>();
        while (done.getCount() > 0) {
            seen.clear();
            table.route("stix2/indicator", seen::add);
            assertThat(seen).contains("stable").hasSizeLessThanOrEqualTo(2);
        }
        writer.join();
        assertThat(failure.get()).isNull();
        assertThat(table.match("stix2/indicator")).containsExactly("stable");
    }
}
