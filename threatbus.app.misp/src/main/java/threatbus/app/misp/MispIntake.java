// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Bus;
import threatbus.api.Publishing;
import threatbus.api.message.Indicator;
import threatbus.app.misp.feed.FeedHandler;
import threatbus.app.misp.mapping.IndicatorMapper;
import threatbus.app.misp.mapping.MispFilter;
import threatbus.app.misp.mapping.MispMessage;
import threatbus.app.misp.mapping.MispMessageException;

/**
 * What the feed delivers, onto the bus: parse the MISP notification, apply the filters, map it to an
 * indicator, publish it. Rejections are counted by cause and logged once per cause; a full bus makes the
 * feed wait (it stops reading, so ZeroMQ or Kafka hold the backlog) instead of losing the indicator.
 */
final class MispIntake implements FeedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MispIntake.class);

    private final Bus bus;
    private final List<MispFilter> filters;
    private final IndicatorMapper mapper;
    private final LongAdder received = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder waitedForBus = new LongAdder();
    private final Map<MispMessageException.Cause, AtomicLong> rejected = new EnumMap<>(MispMessageException.Cause.class);
    private volatile boolean closed;

    MispIntake(Bus bus, List<MispFilter> filters, IndicatorMapper mapper) {
        this.bus = bus;
        this.filters = List.copyOf(filters);
        this.mapper = mapper;
        for (MispMessageException.Cause cause : MispMessageException.Cause.values()) {
            rejected.put(cause, new AtomicLong());
        }
    }

    @Override
    public void onMessage(byte[] json) {
        received.increment();
        MispMessage message;
        Optional<Indicator> indicator;
        try {
            message = MispMessage.parse(json);
            if (!MispFilter.matches(filters, message)) {
                filtered.increment();
                return;
            }
            indicator = mapper.map(message);
        } catch (MispMessageException e) {
            reject(e);
            return;
        }
        if (indicator.isEmpty()) {
            // e.g. an attribute not meant for detection (to_ids false) that was never published
            ignored.increment();
            return;
        }
        publish(indicator.get());
    }

    private void publish(Indicator indicator) {
        if (Publishing.untilAccepted(bus, indicator, () -> !closed, waitedForBus::increment)) {
            published.increment();
        }
    }

    private void reject(MispMessageException e) {
        long count = rejected.get(e.cause()).incrementAndGet();
        if (count == 1) {
            LOG.warn("Rejected a MISP message: {} (further ones of this kind are counted, see threatbus:misp)",
                    e.getMessage());
        } else {
            LOG.debug("Rejected a MISP message: {}", e.getMessage());
        }
    }

    void close() {
        closed = true;
    }

    long receivedCount() {
        return received.sum();
    }

    long filteredCount() {
        return filtered.sum();
    }

    long ignoredCount() {
        return ignored.sum();
    }

    long publishedCount() {
        return published.sum();
    }

    long waitedForBusCount() {
        return waitedForBus.sum();
    }

    Map<MispMessageException.Cause, Long> rejections() {
        Map<MispMessageException.Cause, Long> counts = new EnumMap<>(MispMessageException.Cause.class);
        rejected.forEach((cause, count) -> counts.put(cause, count.get()));
        return counts;
    }
}
