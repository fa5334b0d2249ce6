// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** End to end on loopback: the load generator against the relay, both in this JVM, on free ports. */
class LoadAgainstRelayTest {
    private static Relay relay;
    private static Thread loop;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = new Relay(new RelayConfig("127.0.0.1", 0, 0, 0, 1_000_000));
        loop = new Thread(relay, "test-relay");
        loop.start();
        relay.awaitReady();
    }

    @AfterAll
    static void stopRelay() throws InterruptedException {
        relay.stop();
        loop.join(5_000);
    }

    private static String manage() {
        return "tcp://127.0.0.1:" + relay.managePort();
    }

    private static LoadResult load(String... options) throws Exception {
        String[] args = new String[options.length + 2];
        args[0] = "--manage";
        args[1] = manage();
        System.arraycopy(options, 0, args, 2, options.length);
        return new LoadRun(LoadConfig.parse(args, 0), new PrintStream(new ByteArrayOutputStream())).run();
    }

    @Test
    void burstWithTwoSubscribersAndTwoPublishersLosesNothing() throws Exception {
        LoadResult r = load("--messages", "2000", "--subscribers", "2", "--publishers", "2", "--pid",
                Long.toString(ProcessHandle.current().pid()));

        assertThat(r.sent()).isEqualTo(2000);
        assertThat(r.expected()).isEqualTo(4000);
        assertThat(r.received()).isEqualTo(4000);
        assertThat(r.lost()).isZero();
        assertThat(r.duplicated()).isZero();
        assertThat(r.foreign()).isZero();
        assertThat(r.clean()).isTrue();
        assertThat(r.latency().count()).isEqualTo(4000);
        assertThat(r.latency().min()).isPositive();
        assertThat(r.latency().at(50)).isLessThanOrEqualTo(r.latency().at(99));
        assertThat(r.latency().at(99)).isLessThanOrEqualTo(r.latency().max());
        assertThat(r.elapsedSeconds()).isPositive();
        assertThat(r.messagesPerSecond()).isPositive();
        assertThat(r.deliveriesPerSecond()).isEqualTo(2 * r.messagesPerSecond(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.serverPeakRssKib()).isPositive();
        assertThat(r.serverCpuSeconds()).isNotNaN();
        // every subscription was taken back
        assertThat(relay.subscriptions()).isZero();

        String human = Report.human(r);
        assertThat(human).contains("lost                  0").contains("latency p99.9").contains("server peak RSS");
        Map<?, ?> json = (Map<?, ?>) Json.parse(Report.json(r));
        assertThat(json.get("deliveries_received")).isEqualTo(4000L);
        assertThat(json.get("ok")).isEqualTo(true);
    }

    @Test
    void pacedRunLosesNothing() throws Exception {
        LoadResult r = load("--messages", "300", "--rate", "3000", "--size", "600");
        assertThat(r.received()).isEqualTo(300);
        assertThat(r.clean()).isTrue();
        assertThat(r.reordered()).isZero();
        assertThat(r.sendRate()).isPositive();
    }

    @Test
    void commandLineExitCodes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"load", "--manage", manage(), "--messages", "500", "--json"},
                new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("deliveries received   500");
        assertThat(text.lines().filter(l -> l.startsWith("{")).findFirst()).isPresent();

        assertThat(Main.run(new String[] {"load", "--subscribers", "0"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(Main.run(new String[] {"load", "--bogus"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(Main.run(new String[] {"fly"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(Main.run(new String[0], new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    @Test
    void noServerIsAConnectionError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"load", "--manage", "tcp://127.0.0.1:" + port, "--manage-timeout", "0.3"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tbbench: no reply from").hasLineCount(1);
    }

    @Test
    void relayForwardsFramesByteForByte() throws Exception {
        try (ZContext context = new ZContext()) {
            ManageClient client = new ManageClient(context, Endpoint.parse(manage()), Duration.ofSeconds(5));
            ManageClient.Subscription s = client.subscribe("stix2/");
            assertThat(s.p2p()).matches("[a-z]{32}");
            assertThat(client.heartbeat(s.p2p())).isTrue();

            ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            Sockets.connect(sub, new Endpoint("127.0.0.1", s.pubPort()));
            sub.subscribe(s.p2p().getBytes(StandardCharsets.US_ASCII));
            sub.setReceiveTimeOut(50);
            ZMQ.Socket pub = context.createSocket(SocketType.PUB);
            Sockets.connect(pub, new Endpoint("127.0.0.1", s.subPort()));

            String json = "{\"type\": \"sighting\", \"x\": \"a b\\u00e9\"}";
            byte[] received = null;
            for (int i = 0; i < 200 && received == null; i++) {
                // until both subscriptions have arrived, frames are dropped: send again
                pub.send("stix2/sighting " + json);
                received = sub.recv();
            }
            assertThat(received).isNotNull();
            assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo(s.p2p() + "sighting " + json);

            assertThat(client.unsubscribe(s.p2p())).isTrue();
            assertThat(client.heartbeat(s.p2p())).isFalse();
        }
    }
}
