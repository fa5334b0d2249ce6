// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters of one feed. Each kind of problem is logged at WARN the first time and at DEBUG after that,
 * so that a MISP that keeps sending the same odd frame, or a broker that stays away, does not flood the log;
 * the counts stay visible in {@link FeedStats}. Thread-safe.
 */
final class FeedCounters {

    private static final Logger LOG = LoggerFactory.getLogger(FeedCounters.class);

    enum Problem {
        SKIPPED_TOPIC, MALFORMED, HANDLER_ERROR, SOURCE_ERROR
    }

    private final String feed;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final Map<Problem, AtomicLong> problems = new EnumMap<>(Problem.class);
    private volatile boolean connected;

    /** @param feed names the feed in log lines, e.g. "ZeroMQ feed tcp://misp:50000" */
    FeedCounters(String feed) {
        this.feed = feed;
        for (Problem problem : Problem.values()) {
            problems.put(problem, new AtomicLong());
        }
    }

    void received() {
        received.incrementAndGet();
    }

    void delivered() {
        delivered.incrementAndGet();
    }

    void connected(boolean now) {
        connected = now;
    }

    boolean connected() {
        return connected;
    }

    /** Counts a problem; the first of its kind is logged at WARN (with the cause's stack trace, if any). */
    void problem(Problem problem, String detail, Throwable cause) {
        long count = problems.get(problem).incrementAndGet();
        if (count == 1) {
            LOG.warn("{}: {} (further ones of this kind are only counted)", feed, detail, cause);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {}", feed, detail, cause);
        }
    }

    void problem(Problem problem, String detail) {
        problem(problem, detail, null);
    }

    FeedStats snapshot() {
        return new FeedStats(connected, received.get(), delivered.get(), count(Problem.SKIPPED_TOPIC),
                count(Problem.MALFORMED), count(Problem.HANDLER_ERROR), count(Problem.SOURCE_ERROR));
    }

    private long count(Problem problem) {
        return problems.get(problem).get();
    }
}
