// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import threatbus.app.misp.rest.MispApiException.Kind;
import threatbus.app.misp.testmisp.FakeMisp;
import threatbus.app.misp.testmisp.Await;

/** Queueing, retries with backoff, drop counting, logging and shutdown of the sighting forwarder. */
class SightingForwarderTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    private FakeMisp misp;
    private MispRestClient client;
    private LogCapture log;
    private SightingForwarder forwarder;

    @BeforeEach
    void start() throws IOException {
        log = new LogCapture();
        misp = FakeMisp.http();
        client = new MispRestClient(MispRestClientSightingTest.settings(misp.uri(), FakeMisp.API_KEY));
    }

    @AfterEach
    void stop() {
        if (forwarder != null) {
            forwarder.close();
        }
        misp.close();
        log.close();
        assertThat(misp.violations()).isEmpty();
        assertThat(log.text()).as("log output").doesNotContain(FakeMisp.API_KEY);
    }

    private static ForwarderSettings fast(int capacity, int maxAttempts) {
        return new ForwarderSettings(capacity, Duration.ofMillis(1), maxAttempts, Duration.ofMillis(2),
                Duration.ofMillis(10));
    }

    private MispSighting known() {
        return new MispSighting(misp.knownAttributeUuid(), "zeek", Instant.ofEpochSecond(1_614_599_635L));
    }

    @Test
    void retriesTransientFailuresThenDelivers() throws Exception {
        misp.failNext(2, 503);
        misp.dropNext(1);
        forwarder = SightingForwarder.start(client::addSighting, fast(10, 5), "test-forwarder");

        assertThat(forwarder.offer(known())).isTrue();

        Await.until("sent", WAIT, () -> forwarder.stats().sent() == 1);
        ForwarderStats stats = forwarder.stats();
        assertThat(stats.retried()).isEqualTo(3);
        assertThat(stats.queued()).isEqualTo(1);
        assertThat(stats.droppedTotal()).isZero();
        assertThat(misp.requests()).isEqualTo(4);
        assertThat(misp.sightingBodies()).hasSize(3).allMatch(b -> b.equals(misp.sightingBodies().get(0)));
        assertThat(log.count("MISP accepts sightings again")).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        misp.failNext(100, 500);
        forwarder = SightingForwarder.start(client::addSighting, fast(10, 3), "test-forwarder");

        forwarder.offer(known());
        forwarder.offer(known());

        Await.until("both given up", WAIT, () -> forwarder.stats().dropped(DropReason.GAVE_UP) == 2);
        assertThat(forwarder.stats().retried()).isEqualTo(4);
        assertThat(misp.sightingBodies()).hasSize(6);
        assertThat(log.count("Gave up on a sighting")).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsRetriedUntilGivenUp() throws Exception {
        MispRestClient nowhere = new MispRestClient(
                MispRestClientSightingTest.settings(URI.create("http://127.0.0.1:" + closedPort()), FakeMisp.API_KEY));
        forwarder = SightingForwarder.start(nowhere::addSighting, fast(10, 3), "test-forwarder");

        forwarder.offer(known());

        Await.until("given up", WAIT, () -> forwarder.stats().dropped(DropReason.GAVE_UP) == 1);
        assertThat(forwarder.stats().retried()).isEqualTo(2);
    }

    @Test
    void permanentErrorsAreCountedNotRetriedAndLoggedOncePerKind() throws Exception {
        forwarder = SightingForwarder.start(client::addSighting, fast(10, 5), "test-forwarder");

        for (int i = 0; i < 3; i++) {
            forwarder.offer(new MispSighting(UNKNOWN, null, Instant.ofEpochSecond(1_614_599_635L)));
        }

        Await.until("dropped", WAIT, () -> forwarder.stats().dropped(DropReason.PERMANENT_ERROR) == 3);
        assertThat(forwarder.stats().retried()).isZero();
        assertThat(misp.sightingBodies()).hasSize(3);
        // the count moves before the line is written: wait for the third line too
        Await.until("logged", WAIT, () -> log.count("MISP refused a sighting") == 3); // one WARN, two DEBUG
        assertThat(log.text().lines().filter(l -> l.contains("WARN") && l.contains("MISP refused"))).hasSize(1);
    }

    @Test
    void aFullQueueDropsAndCounts() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        forwarder = SightingForwarder.start(sighting -> {
            inFlight.countDown();
            await(release);
            return new SightingResult("1", null);
        }, fast(2, 1), "test-forwarder");

        assertThat(forwarder.offer(known())).isTrue();
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(forwarder.offer(known())).isTrue();
        assertThat(forwarder.offer(known())).isTrue();
        assertThat(forwarder.offer(known())).isFalse();
        assertThat(forwarder.offer(known())).isFalse();
        release.countDown();

        Await.until("sent", WAIT, () -> forwarder.stats().sent() == 3);
        ForwarderStats stats = forwarder.stats();
        assertThat(stats.queued()).isEqualTo(3);
        assertThat(stats.dropped(DropReason.QUEUE_FULL)).isEqualTo(2);
        assertThat(log.count("queue full")).isEqualTo(1);
    }

    @Test
    void closeReturnsPromptlyDuringABackoff() throws Exception {
        ForwarderSettings slowRetries = new ForwarderSettings(10, Duration.ofMillis(1), 5, Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        forwarder = SightingForwarder.start(sighting -> {
            throw new MispApiException(Kind.TRANSIENT, 503, "unavailable");
        }, slowRetries, "test-forwarder");
        forwarder.offer(known());
        forwarder.offer(known());
        Await.until("first retry scheduled", WAIT, () -> forwarder.stats().retried() == 1);

        long start = System.nanoTime();
        forwarder.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(forwarder.stats().dropped(DropReason.SHUTDOWN)).isEqualTo(2);
        assertThat(forwarder.offer(known())).isFalse();
        assertThat(forwarder.stats().dropped(DropReason.SHUTDOWN)).isEqualTo(3);
    }

    @Test
    void closeInterruptsACallInFlight() throws Exception {
        CountDownLatch held = misp.holdSightings();
        forwarder = SightingForwarder.start(client::addSighting, fast(10, 5), "test-forwarder");
        forwarder.offer(known());
        Await.until("request arrived", WAIT, () -> misp.requests() == 1);

        long start = System.nanoTime();
        forwarder.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(forwarder.stats().dropped(DropReason.SHUTDOWN)).isEqualTo(1);
        held.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
