// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;

import threatbus.app.misp.testmisp.Await;

/** The ZeroMQ feed against a MISP-style publisher on real sockets. */
class ZmqFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String A1 = "{\"Attribute\":{\"uuid\":\"1\",\"value\":\"6.6.6.6\"},\"action\":\"add\"}";
    private static final String A2 = "{\"Attribute\":{\"uuid\":\"2\",\"comment\":\"a b c\"},\"action\":\"edit\"}";
    private static final String A3 = "{\"Attribute\":{\"uuid\":\"3\"},\"action\":\"delete\"}";

    @TempDir
    Path dir;

    private final int port = Await.freePort();
    private final RecordingHandler handler = new RecordingHandler();
    // one context for the publisher and the feed: see ZmqFeed.sharingContext
    private final ZContext context = new ZContext(1);

    @AfterEach
    void closeContext() {
        context.close();
    }

    private ZmqFeed feed(ZmqFeedSettings settings, FeedHandler handler) {
        return ZmqFeed.sharingContext(settings, handler, context);
    }

    @Test
    void handsOnExactlyTheAttributeDocumentsInOrder() {
        try (MispPublisher misp = new MispPublisher(context, port);
                ZmqFeed feed = feed(new ZmqFeedSettings("127.0.0.1", port), handler)) {
            feed.start();
            assertThat(misp.awaitSubscriber(WAIT)).isTrue();
            Await.until("the connection", WAIT, () -> feed.stats().connected());

            misp.send("misp_json_attribute " + A1);
            misp.send("misp_json_event {\"Event\":{}}"); // not subscribed: ZeroMQ filters it out
            misp.send("misp_json_attribute_proposal {\"ShadowAttribute\":{}}");
            misp.send("misp_json_attribute");
            misp.send("misp_json_attribute ");
            misp.sendMultipart("misp_json_attribute " + A1, "trailer");
            misp.send("misp_json_attribute " + A2);
            misp.send("misp_json_attribute " + A3);

            Await.until("three documents", WAIT, () -> handler.count() == 3);
            assertThat(handler.documents()).containsExactly(A1, A2, A3);
            assertThat(feed.stats()).isEqualTo(new FeedStats(true, 7, 3, 1, 3, 0, 0));
        }
    }

    @Test
    void goesOnAfterAHandlerError() {
        FeedHandler failing = json -> {
            if (new String(json).contains("\"1\"")) {
                throw new IllegalStateException("cannot map this one");
            }
            handler.onMessage(json);
        };
        try (MispPublisher misp = new MispPublisher(context, port);
                ZmqFeed feed = feed(new ZmqFeedSettings("127.0.0.1", port), failing)) {
            feed.start();
            assertThat(misp.awaitSubscriber(WAIT)).isTrue();
            misp.send("misp_json_attribute " + A1);
            misp.send("misp_json_attribute " + A2);

            Await.until("the second document", WAIT, () -> handler.count() == 1);
            assertThat(handler.documents()).containsExactly(A2);
            assertThat(feed.stats().handlerErrors()).isEqualTo(1);
            assertThat(feed.stats().delivered()).isEqualTo(1);
        }
    }

    @Test
    void reconnectsWhenMispRestartsOnTheSamePort() {
        try (ZmqFeed feed = feed(new ZmqFeedSettings("127.0.0.1", port), handler)) {
            try (MispPublisher misp = new MispPublisher(context, port)) {
                feed.start();
                assertThat(misp.awaitSubscriber(WAIT)).isTrue();
                misp.send("misp_json_attribute " + A1);
                Await.until("the first document", WAIT, () -> handler.count() == 1);
            }
            Await.until("the loss of the connection", WAIT, () -> !feed.stats().connected());

            try (MispPublisher restarted = new MispPublisher(context, port)) {
                assertThat(restarted.awaitSubscriber(WAIT)).as("the feed subscribed again").isTrue();
                restarted.send("misp_json_attribute " + A2);
                Await.until("the document after the restart", WAIT, () -> handler.count() == 2);
            }
            assertThat(handler.documents()).containsExactly(A1, A2);
            assertThat(feed.stats().sourceErrors()).isZero();
        }
    }

    @Test
    void authenticatesWithMispsZeroMqCredentials() {
        try (MispPublisher misp = new MispPublisher(context, port, "threatbus", "s3cret", dir.resolve("passwords"));
                ZmqFeed feed = feed(new ZmqFeedSettings("127.0.0.1", port, "threatbus", "s3cret"), handler)) {
            feed.start();
            assertThat(misp.awaitSubscriber(WAIT)).isTrue();
            misp.send("misp_json_attribute " + A1);
            Await.until("the document", WAIT, () -> handler.count() == 1);
            assertThat(handler.documents()).containsExactly(A1);
            assertThat(feed.stats().sourceErrors()).isZero();
        }
    }

    @Test
    void wrongCredentialsReceiveNothingAndTheFeedKeepsTrying() {
        try (MispPublisher misp = new MispPublisher(context, port, "threatbus", "s3cret", dir.resolve("passwords"));
                ZmqFeed feed = feed(new ZmqFeedSettings("127.0.0.1", port, "threatbus", "wrong"), handler)) {
            feed.start();
            // two refusals: the feed was refused, and tried again
            Await.until("two refusals", WAIT, () -> feed.stats().sourceErrors() >= 2);
            assertThat(misp.awaitSubscriber(Duration.ofMillis(300))).as("a refused feed never subscribes")
                    .isFalse();
            misp.send("misp_json_attribute " + A1);

            assertThat(misp.awaitSubscriber(Duration.ofMillis(300))).isFalse();
            assertThat(handler.documents()).isEmpty();
            assertThat(feed.stats().connected()).isFalse();
            assertThat(feed.stats().received()).isZero();
        }
    }

    @Test
    void noCredentialsAgainstAnAuthenticatingMispAreCounted() {
        try (MispPublisher misp = new MispPublisher(context, port, "threatbus", "s3cret", dir.resolve("passwords"));
                ZmqFeed feed = feed(new ZmqFeedSettings("127.0.0.1", port), handler)) {
            feed.start();
            Await.until("a failed handshake", WAIT, () -> feed.stats().sourceErrors() >= 1);
            assertThat(feed.stats().connected()).isFalse();
            assertThat(handler.documents()).isEmpty();
        }
    }

    @Test
    void aPublisherThatNeverAnswersTheHandshakeIsDroppedAndTriedAgain() throws Exception {
        // a handshake that stalls, as JeroMQ's sometimes does, or a port that is no ZeroMQ publisher
        AtomicInteger accepted = new AtomicInteger();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                ZmqFeed feed = feed(new ZmqFeedSettings("127.0.0.1", port), handler)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                        accepted.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }, "silent-publisher");
            acceptor.start();
            feed.start();

            // the feed reads the failure from its socket monitor after the next poll, which may be after the
            // reconnection was accepted
            Await.until("a second connection after the first handshake timed out, and the failure counted",
                    Duration.ofSeconds(20), () -> accepted.get() >= 2 && feed.stats().sourceErrors() > 0);
            assertThat(feed.stats().connected()).isFalse();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void closesPromptlyWhenIdle() {
        try (MispPublisher misp = new MispPublisher(context, port)) {
            ZmqFeed idle = feed(new ZmqFeedSettings("127.0.0.1", port), handler);
            idle.start();
            assertThat(misp.awaitSubscriber(WAIT)).isTrue();
            assertThat(timeToClose(idle)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void closesPromptlyWhileTheHandlerBlocks() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (MispPublisher misp = new MispPublisher(context, port)) {
            ZmqFeed blocked = feed(new ZmqFeedSettings("127.0.0.1", port), json -> {
                entered.countDown();
                try {
                    new CountDownLatch(1).await(); // a bus that never makes room
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    Thread.currentThread().interrupt();
                }
            });
            blocked.start();
            assertThat(misp.awaitSubscriber(WAIT)).isTrue();
            misp.send("misp_json_attribute " + A1);
            assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            assertThat(timeToClose(blocked)).isLessThan(Duration.ofSeconds(1));
            assertThat(interrupted.getCount()).as("the blocked handler was interrupted").isZero();
        }
    }

    @Test
    void closesPromptlyWithoutMispAndWithoutStart() {
        ZmqFeed neverStarted = new ZmqFeed(ZmqFeedSettings.defaults(), handler);
        assertThat(timeToClose(neverStarted)).isLessThan(Duration.ofSeconds(1));
        ZmqFeed nobodyThere = feed(new ZmqFeedSettings("127.0.0.1", port), handler);
        nobodyThere.start();
        assertThat(timeToClose(nobodyThere)).isLessThan(Duration.ofSeconds(1));
        nobodyThere.close(); // idempotent
    }

    private static Duration timeToClose(MispFeed feed) {
        long start = System.nanoTime();
        feed.close();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void settingsValidateAndMaskThePassword() {
        ZmqFeedSettings settings = new ZmqFeedSettings("misp.example", 50000, "threatbus", "s3cret");
        assertThat(settings.toString()).contains("threatbus").doesNotContain("s3cret");
        assertThat(settings.endpoint()).isEqualTo("tcp://misp.example:50000");
        assertThat(new ZmqFeedSettings("::1", 1).endpoint()).isEqualTo("tcp://[::1]:1");
        assertThat(ZmqFeedSettings.defaults().endpoint()).isEqualTo("tcp://localhost:50000");
        assertThat(ZmqFeedSettings.defaults().authenticates()).isFalse();
        for (Runnable invalid : List.<Runnable>of(() -> new ZmqFeedSettings("", 50000),
                () -> new ZmqFeedSettings("misp", 0), () -> new ZmqFeedSettings("misp", 50000, "user", ""))) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(invalid::run)
                    .withMessageContaining("zmq.");
        }
    }
}
