// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import threatbus.api.message.Indicator;
import threatbus.api.message.Message;

class PublishingTest {

    private static final Indicator INDICATOR = Indicator.builder().created(Instant.parse("2022-06-01T08:30:00Z"))
            .pattern("[domain-name:value = 'evil.com']").build();

    /** A bus whose inbox is full for the first {@code refusals} offers. */
    private static final class FullBus implements Bus {
        private int refusals;
        final List<Message> accepted = new ArrayList<>();

        FullBus(int refusals) {
            this.refusals = refusals;
        }

        @Override
        public void publish(Message message) throws BusOverloadedException {
            if (refusals-- > 0) {
                throw new BusOverloadedException("inbox full");
            }
            accepted.add(message);
        }

        @Override
        public Subscription subscribe(Collection<String> topics, Duration snapshot, Subscriber subscriber) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void offersAgainUntilTheBusHasRoomAndCountsTheWaitOnce() {
        FullBus bus = new FullBus(3);
        AtomicInteger waits = new AtomicInteger();

        assertThat(Publishing.untilAccepted(bus, INDICATOR, () -> true, waits::incrementAndGet)).isTrue();
        assertThat(bus.accepted).containsExactly(INDICATOR);
        assertThat(waits).hasValue(1);
    }

    @Test
    void givesUpWhenTheCallerStops() {
        FullBus bus = new FullBus(Integer.MAX_VALUE);
        AtomicInteger offers = new AtomicInteger();

        assertThat(Publishing.untilAccepted(bus, INDICATOR, () -> offers.incrementAndGet() < 3, () -> { })).isFalse();
        assertThat(bus.accepted).isEmpty();
    }

    @Test
    void givesUpWhenInterruptedAndKeepsTheFlag() {
        FullBus bus = new FullBus(Integer.MAX_VALUE);
        Thread.currentThread().interrupt();
        try {
            assertThat(Publishing.untilAccepted(bus, INDICATOR, () -> true, () -> { })).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
