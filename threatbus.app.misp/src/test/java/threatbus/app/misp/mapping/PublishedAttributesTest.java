// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The bounded, least-recently-used memory of published attribute uuids. */
class PublishedAttributesTest {

    private static final String A = "00000000-0000-4000-8000-00000000000a";
    private static final String B = "00000000-0000-4000-8000-00000000000b";
    private static final String C = "00000000-0000-4000-8000-00000000000c";

    @Test
    void remembersAndForgets() {
        PublishedAttributes published = new PublishedAttributes();
        assertThat(published.capacity()).isEqualTo(PublishedAttributes.DEFAULT_CAPACITY);
        published.add(A);
        assertThat(published.contains(A)).isTrue();
        assertThat(published.contains(A.toUpperCase())).as("uuids compare by value").isTrue();
        assertThat(published.remove(A)).isTrue();
        assertThat(published.remove(A)).isFalse();
        assertThat(published.size()).isZero();
    }

    @Test
    void evictsTheLeastRecentlyUsed() {
        PublishedAttributes published = new PublishedAttributes(2);
        published.add(A);
        published.add(B);
        published.contains(A);
        published.add(C);
        assertThat(published.size()).isEqualTo(2);
        assertThat(published.contains(B)).isFalse();
        assertThat(published.contains(A)).isTrue();
        assertThat(published.contains(C)).isTrue();
    }

    @Test
    void rejectsBadArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PublishedAttributes(0)).withMessageContaining("capacity");
        assertThatIllegalArgumentException().isThrownBy(() -> new PublishedAttributes().add("not-a-uuid"));
    }

    @Test
    void staysBoundedUnderConcurrentUse() throws Exception {
        PublishedAttributes published = new PublishedAttributes(1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5000; i++) {
                        String uuid = UUID.randomUUID().toString();
                        published.add(uuid);
                        published.contains(uuid);
                        if (i % 3 == 0) {
                            published.remove(uuid);
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(published.size()).isEqualTo(1000);
    }
}
