// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.BrokerDataCodec;
import threatbus.app.zeek.broker.data.ZeekEvent;

/**
 * Interoperability with OpenSSL: a foreign Broker peer in Python ({@code src/test/python/broker_peer.py}, standard
 * library only) connects the way Zeek's {@code Broker::peer} does, with an OpenSSL context configured like
 * Broker's connector, and runs a scripted peering against a real {@link BrokerEndpoint}. All four combinations of
 * transport and originator. Skipped only if no Python 3 is found or its OpenSSL lacks the anonymous suite.
 */
class OpenSslPeerTest {

    static final Duration T = Duration.ofSeconds(10);
    static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HexFormat HEX = HexFormat.of();

    static final byte[] SMALL_ID = HEX.parseHex("00000000000000000000000000000001");
    static final byte[] LARGE_ID = HEX.parseHex("ffffffffffffffffffffffffffffffff");

    static Path script;
    static String python;
    static String noPython;

    @BeforeAll
    static void findPython() throws Exception {
        // Surefire runs in the module directory; an IDE may run in the parent.
        Path relative = Path.of("src", "test", "python", "broker_peer.py");
        script = Files.isRegularFile(relative) ? relative.toAbsolutePath()
                : Path.of("threatbus.app.zeek").resolve(relative).toAbsolutePath();
        assertThat(script).isRegularFile();
        String configured = System.getenv("THREATBUS_PYTHON");
        List<String> candidates = configured != null && !configured.isBlank() ? List.of(configured)
                : List.of("python3", "/usr/bin/python3");
        List<String> problems = new ArrayList<>();
        for (String candidate : candidates) {
            String problem = selfCheck(candidate);
            if (problem == null) {
                python = candidate;
                return;
            }
            problems.add(candidate + ": " + problem);
        }
        noPython = "no Python 3 whose ssl module offers AECDH-AES256-SHA (set THREATBUS_PYTHON): "
                + String.join("; ", problems);
    }

    @BeforeEach
    void requirePython() {
        Assumptions.assumeTrue(python != null, noPython);
    }

    /** Null if {@code interpreter} runs the script and its OpenSSL offers Broker's cipher, else why not. */
    private static String selfCheck(String interpreter) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(interpreter, script.toString(), "--self-check").redirectErrorStream(true).start();
        } catch (IOException e) {
            return "cannot start: " + e.getMessage();
        }
        Output out = new Output(p.getInputStream());
        if (!p.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "self-check did not finish";
        }
        out.join();
        return p.exitValue() == 0 ? null : "self-check exited " + p.exitValue() + ": " + out.text().strip();
    }

    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of("plain, peer originates", TransportSecurity.PLAIN, true),
                Arguments.of("plain, endpoint originates", TransportSecurity.PLAIN, false),
                Arguments.of("anonymous TLS, peer originates", TransportSecurity.ANONYMOUS_TLS, true),
                Arguments.of("anonymous TLS, endpoint originates", TransportSecurity.ANONYMOUS_TLS, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void peersWithOpenSslPeer(String name, TransportSecurity security, boolean peerOriginates) throws Exception {
        boolean tls = security == TransportSecurity.ANONYMOUS_TLS;
        byte[] id = peerOriginates ? SMALL_ID : LARGE_ID;
        // Larger than a TLS record (16 KiB), with multi-byte UTF-8, so records are split and reassembled.
        byte[] sighting = BrokerDataCodec.encode(ZeekEvent.of("Threatbus::sighting",
                Instant.parse("2024-05-01T12:00:00Z"), BrokerData.str("\u00fc\u20ac".repeat(4000)),
                BrokerData.count(0xFFFF_FFFFL)).toData());
        byte[] intel = BrokerDataCodec.encode(ZeekEvent.of("Threatbus::intel",
                Instant.parse("2024-05-01T12:00:01Z"), BrokerData.str("x".repeat(30_000)),
                BrokerData.str("\u0000\u00ff")).toData());
        String intelTopic = "stix2/indicator/openssl";

        RecordingHandler handler = new RecordingHandler();
        try (BrokerEndpoint endpoint = new BrokerEndpoint(PeeringTest.config(security), handler)) {
            endpoint.subscriptions(Set.of("stix2/sighting", "threatbus/manage"));
            assertThat(Arrays.compareUnsigned(id, endpoint.id().toBytes()) < 0).isEqualTo(peerOriginates);
            List<String> command = List.of(python, script.toString(), "--port", Integer.toString(endpoint.port()),
                    tls ? "--tls" : "--plain", "--id", HEX.formatHex(id), "--filter", "threatbus/manage",
                    "--add-topic", "stix2/indicator", "--publish-topic", "stix2/sighting", "--publish-hex",
                    HEX.formatHex(sighting), "--expect-topic", intelTopic, "--timeout",
                    Long.toString(T.toSeconds()));
            Process process = new ProcessBuilder(command).start();
            Output stdout = new Output(process.getInputStream());
            Output stderr = new Output(process.getErrorStream());
            try {
                BrokerPeer peer = takeWhileRunning(handler.added, process, stdout, stderr);
                assertThat(peer.id()).isEqualTo(EndpointId.of(id));

                // The script's routing update adds its topic to the handshake filter.
                Await.until("routing update", T, () -> peer.wants(intelTopic) || !process.isAlive());
                assertThat(peer.filter()).as(diagnostics(stdout, stderr))
                        .containsExactlyInAnyOrder("threatbus/manage", "stix2/indicator");
                assertThat(peer.send(intelTopic, intel)).isEqualTo(SendResult.QUEUED);

                RecordingHandler.Data data = takeWhileRunning(handler.data, process, stdout, stderr);
                assertThat(data.peer()).isSameAs(peer);
                assertThat(data.topic()).isEqualTo("stix2/sighting");
                assertSameBytes(data.payload(), sighting, "data at the handler");

                if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError("the peer script did not finish within " + PROCESS_TIMEOUT
                            + diagnostics(stdout, stderr));
                }
                stdout.join();
                stderr.join();
                assertThat(process.exitValue()).as(diagnostics(stdout, stderr)).isZero();

                List<JsonNode> steps = stdout.json();
                if (tls) {
                    JsonNode negotiated = step(steps, "tls");
                    assertThat(negotiated.get("version").asText()).isEqualTo("TLSv1.2");
                    assertThat(negotiated.get("cipher").asText()).isEqualTo("AECDH-AES256-SHA");
                    assertThat(negotiated.get("bits").asInt()).isEqualTo(256);
                } else {
                    assertThat(steps).noneMatch(s -> s.get("step").asText().equals("tls"));
                }
                JsonNode handshake = step(steps, "handshake");
                assertThat(handshake.get("originator").asText()).isEqualTo(peerOriginates ? "peer" : "endpoint");
                assertThat(handshake.get("endpoint_id").asText()).isEqualTo(endpoint.id().toString());
                assertThat(handshake.get("probes").asInt()).isEqualTo(1);
                assertThat(strings(handshake.get("endpoint_filter")))
                        .containsExactlyInAnyOrder("stix2/sighting", "threatbus/manage");

                JsonNode received = step(steps, "data_received");
                assertThat(received.get("topic").asText()).isEqualTo(intelTopic);
                assertSameBytes(HEX.parseHex(received.get("payload_hex").asText()), intel, "data at the script");
                assertThat(received.get("sender").asText()).isEqualTo(endpoint.id().toString());
                assertThat(received.get("receiver").asText()).isEqualTo(EndpointId.nil().toString());
                assertThat(received.get("ttl").asInt()).isEqualTo(Envelope.DEFAULT_TTL);

                assertThat(step(steps, "pong").get("payload_hex").asText()).hasSize(32);
                assertThat(step(steps, "bye").get("payload_hex").asText()).startsWith("425945").hasSize(22);
                JsonNode closed = step(steps, "closed");
                if (tls) {
                    // close_notify both ways: the peer's SSL_shutdown was answered.
                    assertThat(closed.get("close_notify").asBoolean()).isTrue();
                }
                assertThat(step(steps, "done").get("ok").asBoolean()).isTrue();
                assertThat(steps).noneMatch(s -> s.get("step").asText().equals("unexpected"));

                RecordingHandler.Lost lost = RecordingHandler.take(handler.lost, T);
                assertThat(lost.peer()).isSameAs(peer);
                assertThat(lost.reason()).isEqualTo("unpeered by peer");
                PeerStats stats = peer.stats();
                assertThat(stats.pingsAnswered()).isEqualTo(2);
                assertThat(stats.dataIn()).isEqualTo(1);
                assertThat(stats.dataOut()).isEqualTo(1);
                assertThat(stats.malformedIgnored()).isZero();
                Await.until("peer removed", T, () -> endpoint.peers().isEmpty());
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            assertThat(endpoint.rejections().values()).allMatch(n -> n == 0);
        }
    }

    /** Waits for the next handler call; fails at once, with the script's output, if the script exits first. */
    private static <E> E takeWhileRunning(BlockingQueue<E> queue, Process process, Output stdout, Output stderr)
            throws InterruptedException {
        long deadline = System.nanoTime() + T.toNanos();
        while (System.nanoTime() < deadline) {
            E e = queue.poll(50, TimeUnit.MILLISECONDS);
            if (e != null) {
                return e;
            }
            if (!process.isAlive()) {
                e = queue.poll();
                if (e != null) {
                    return e;
                }
                stdout.join();
                stderr.join();
                throw new AssertionError("the peer script exited with " + process.exitValue() + " first"
                        + diagnostics(stdout, stderr));
            }
        }
        throw new AssertionError("nothing arrived within " + T + diagnostics(stdout, stderr));
    }

    /** Byte-exact comparison that reports where payloads differ instead of printing them whole. */
    private static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        int at = Arrays.mismatch(actual, expected);
        if (at >= 0) {
            throw new AssertionError(what + ": " + actual.length + " bytes, expected " + expected.length
                    + "; first difference at offset " + at);
        }
    }

    private static JsonNode step(List<JsonNode> steps, String name) {
        return steps.stream().filter(s -> s.get("step").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the peer script reported no '" + name + "' step: " + steps));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String diagnostics(Output stdout, Output stderr) {
        return "\n--- peer script stdout ---\n" + abbreviate(stdout.text()) + "--- stderr ---\n"
                + abbreviate(stderr.text());
    }

    private static String abbreviate(String s) {
        return s.lines().map(l -> l.length() > 300 ? l.substring(0, 300) + "..." : l).reduce("", (a, b) -> a + b
                + "\n");
    }

    /** Drains a process stream on its own thread, so the process never blocks on a full pipe. */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        private final Thread thread;

        Output(InputStream in) {
            thread = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (text) {
                            text.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    synchronized (text) {
                        text.append("[reading failed: ").append(e.getMessage()).append("]\n");
                    }
                }
            }, "peer-script-output");
            thread.setDaemon(true);
            thread.start();
        }

        void join() throws InterruptedException {
            thread.join(T.toMillis());
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        List<JsonNode> json() {
            return text().lines().filter(l -> l.startsWith("{")).map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
