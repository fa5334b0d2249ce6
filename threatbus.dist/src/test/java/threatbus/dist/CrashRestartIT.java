// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

import threatbus.api.message.Indicator;
import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * The product ({@code threatbus.jar}) killed with SIGKILL and started again on the same folder: it comes back
 * with its configuration; a zmq app learns from its heartbeat that its subscription is gone and subscribes
 * again, as the wrapper apps do; a Zeek peers again and subscribes; intel flows to both; the store's history is
 * intact.
 */
public class CrashRestartIT extends BusInFelix {

    private static final String MARKER = "[network-traffic:dst_port = 443]";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    public void afterSigkillAndRestartZmqAppsAndZeeksSubscribeAgainAndIntelFlows() throws Exception {
        Path dir = ThreatBusOptions.freshFolder("crash");
        Path etc = Files.createDirectories(dir.resolve("etc"));
        int[] ports = ZmqFixture.freePorts(4);
        Files.writeString(etc.resolve("threatbus.app.zmq.cfg"), "manage = " + ports[0] + "\npub = " + ports[1]
                + "\nsub = " + ports[2] + "\n");
        Files.writeString(etc.resolve("threatbus.app.zeek.cfg"), "port = " + ports[3] + "\ndisable_ssl = true\n");
        ZmqFixture zmq = ZmqFixture.at(ports[0], ports[1], ports[2]);

        Process first = start(dir, zmq);
        Await.until("the Zeek app listens", () -> ZeekFixture.listening(ports[3]));
        String oldP2p;
        try (ZmqTestApp app = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0);
                ZeekTestPeer zeek = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, ports[3], ZeekTestPeer.smallId(),
                        List.of("threatbus/manage"))) {
            oldP2p = app.p2p;
            ZeekAppIT.subscribe(zeek);
            app.awaitConnected(MARKER);

            first.destroyForcibly();
            assertTrue("killed", first.waitFor(30, TimeUnit.SECONDS));
            assertEquals("SIGKILL", 137, first.exitValue());
            assertTrue("the Zeek sees its peering end", zeek.awaitClosed(WAIT));
        }

        Process second = start(dir, zmq);
        Await.until("the Zeek app listens", () -> ZeekFixture.listening(ports[3]));
        try {
            // the wrapper apps heartbeat every few seconds; an error means "subscribe again"
            String heartbeat = ZmqTestApp.request(zmq.manageEndpoint(), "{\"action\": \"heartbeat\", \"topic\": \""
                    + oldP2p + "\"}", 5_000);
            assertEquals("{\"status\": \"error\"}", heartbeat);
            try (ZmqTestApp app = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0);
                    ZeekTestPeer zeek = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, ports[3], ZeekTestPeer.largeId(),
                            List.of("threatbus/manage"))) {
                String p2p = ZeekAppIT.subscribe(zeek);
                app.awaitConnected(MARKER);
                String indicator = Indicators.json("after-crash", "[domain-name:value = 'example.com']");
                app.send("stix2/indicator", indicator);

                assertEquals(app.p2p + "indicator " + indicator, app.receive(10_000));
                assertEquals(p2p, zeek.next(RawWire.DATA, WAIT).topic());
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    public void theStoreKeepsTheHistoryAcrossASigkill() throws Exception {
        Path dir = ThreatBusOptions.freshFolder("crash-store");
        Path etc = Files.createDirectories(dir.resolve("etc"));
        int[] ports = ZmqFixture.freePorts(4);
        Files.writeString(etc.resolve("threatbus.app.zmq.cfg"), "manage = " + ports[0] + "\npub = " + ports[1]
                + "\nsub = " + ports[2] + "\n");
        Files.writeString(etc.resolve("threatbus.metrics.cfg"), "enabled = true\nport = " + ports[3] + "\n");
        ZmqFixture zmq = ZmqFixture.at(ports[0], ports[1], ports[2]);
        MetricsScrape metrics = MetricsScrape.at(ports[3]);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            names.add("kept-" + i);
        }

        Process first = start(dir, zmq);
        // the store subscribes before anything is sent, so that it sees every indicator the bus accepts
        Await.until("the store is up", () -> metrics.value("threatbus_store_indicators") == 0, metrics::text);
        try (ZmqTestApp app = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0)) {
            app.awaitConnected(MARKER);
            // of today: a snapshot asks for the last days
            Instant now = Instant.now();
            names.forEach(name -> app.send("stix2/indicator", Indicator.builder().created(now).validFrom(now)
                    .name(name).pattern("[domain-name:value = '" + name + ".example']").build().json().toString()));
            // every indicator the bus accepted is in the store, and the store has nothing left to write
            Await.until("the store committed all", () -> {
                long accepted = metrics.value("threatbus_messages_in_total{topic=\"stix2/indicator\"}");
                return accepted >= 21 && metrics.value("threatbus_store_indicator_versions_total{outcome=\"stored\"}")
                        == accepted && metrics.value("threatbus_store_unsaved") == 0;
            }, metrics::text);
            first.destroyForcibly();
            assertTrue("killed", first.waitFor(30, TimeUnit.SECONDS));
            assertEquals("SIGKILL", 137, first.exitValue());
        }

        Process second = start(dir, zmq);
        try (ZmqTestApp late = new ZmqTestApp(zmq, "\"stix2/indicator\"", 30)) {
            Set<String> received = new TreeSet<>();
            String frame;
            while (!received.containsAll(names) && (frame = late.receive(10_000)) != null) {
                received.add(frame.replaceAll(".*\"name\": \"([^\"]+)\".*", "$1"));
            }
            assertTrue("history after the crash: " + received, received.containsAll(names));
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Every bus this test started: none may outlive it, whatever the test's outcome. */
    private final List<Process> started = new ArrayList<>();

    @After
    public void killWhatIsLeft() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(Path dir, ZmqFixture zmq) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-Dgosh.args=--nointeractive", "-jar",
                System.getProperty("threatbus.jar")).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("threatbus.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        started.add(process);
        Await.until("the bus answers on " + zmq.manageEndpoint(), () -> ZmqTestApp.request(zmq.manageEndpoint(),
                "{\"action\": \"heartbeat\", \"topic\": \"x\"}", 500) != null, () -> log(dir));
        return process;
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("threatbus.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
