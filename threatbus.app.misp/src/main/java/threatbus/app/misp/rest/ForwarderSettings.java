// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * Queue and retry settings of a {@link SightingForwarder}.
 *
 * @param capacity how many sightings may wait
 * @param offerTimeout how long {@link SightingForwarder#offer} waits for room before dropping
 * @param maxAttempts attempts per sighting, the first included
 * @param initialBackoff wait before the first retry; doubled before each further retry
 * @param maxBackoff upper bound of a wait
 */
public record ForwarderSettings(int capacity, Duration offerTimeout, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {

    public static final int DEFAULT_CAPACITY = 10_000;
    public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofMillis(50);
    /** With the default waits, 1+2+4+…+60 s: about two minutes, enough for a MISP restart. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);

    public ForwarderSettings {
        Objects.requireNonNull(offerTimeout, "offerTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive: " + maxAttempts);
        }
        if (offerTimeout.isNegative() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= offerTimeout, 0 <= initialBackoff <= maxBackoff");
        }
    }

    public static ForwarderSettings defaults() {
        return new ForwarderSettings(DEFAULT_CAPACITY, DEFAULT_OFFER_TIMEOUT, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /**
     * The wait before retry number {@code retry} (1-based): exponential, capped. No jitter: one forwarder
     * talks to one MISP, there is no herd to spread.
     */
    Duration backoff(int retry) {
        Duration wait = initialBackoff;
        for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
