// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * {@code java -jar threatbus.jar} as an operator runs it, in its own process: {@code --check} on good and bad
 * files, the command line's one-line errors, environment and {@code .env} overrides, a bus started from a
 * config file, and one refused for an invalid file before any plugin starts.
 */
public class CliIT {

    private static final long EXIT_SECONDS = 60;

    private Path dir;

    @Before
    public void freshWorkingDirectory() throws IOException {
        dir = ThreatBusOptions.freshFolder("cli");
        Files.copy(original("config_integration_test.yaml"), dir.resolve("good.yaml"));
        Files.writeString(dir.resolve("bad.yaml"), Files.readString(dir.resolve("good.yaml"))
                .replace("manage: 13370", "manage: abc").replace("module_namespace: Tenzir",
                        "module_namespace: Tenzir\n      colour: blue"));
        Files.copy(original("threatbus-config.yaml.example"), dir.resolve("example.yaml"));
    }

    @Test
    public void checkAcceptsAGoodFileWithExitCodeZero() throws Exception {
        Run run = run(Map.of(), "--check", "-c", "good.yaml");

        assertEquals(run.output, 0, run.exit);
        assertTrue(run.output, run.output.contains(dir.resolve("good.yaml") + ": valid"));
        assertTrue(run.output, run.output.contains("INFO     plugins.apps.misp: Ignoring installed, but unconfigured"));
    }

    @Test
    public void checkListsEveryProblemWithItsKeyPathAndExitsWithOne() throws Exception {
        Run run = run(Map.of(), "--check", "--config", "bad.yaml");

        assertEquals(run.output, 1, run.exit);
        assertTrue(run.output, run.output.contains("ERROR    plugins.apps.zmq.manage: expected an integer, got \"abc\"\n"));
        assertTrue(run.output, run.output.contains("ERROR    plugins.apps.zeek.colour: unknown key (known: host, port, "
                + "module_namespace, disable_ssl, ssl_certificate, ssl_keyfile, ssl_cafile, ssl_passphrase, "
                + "max_frame_bytes, peer_queue_capacity, handshake_timeout_s)\n"));
        assertTrue(run.output, run.output.contains(dir.resolve("bad.yaml") + ": invalid, 2 errors"));
    }

    @Test
    public void checkReportsWhatTheOriginalReportedForItsExampleAndWhatIsNotHere() throws Exception {
        Run run = run(Map.of(), "--check", "-c", "example.yaml");

        assertEquals(run.output, 1, run.exit);
        assertTrue(run.output, run.output.contains("ERROR    plugins.apps.misp: Either configure the MISP plugin to use "
                + "ZeroMQ or Kafka, but not both.\n"));
        assertTrue(run.output, run.output.contains("WARNING  plugins.apps.cif3: the cif3 app is not implemented by "
                + "Threat Bus for the JVM; ignored\n"));
        assertTrue(run.output, run.output.contains("WARNING  plugins.backbones.rabbitmq: configured, but bundle "
                + "threatbus.backbone.rabbitmq is not installed"));
    }

    @Test
    public void aMissingOrNonYamlFileIsOneLineAndExitCodeOne() throws Exception {
        Run missing = run(Map.of(), "-c", "missing.yaml");
        assertEquals(missing.output, 1, missing.exit);
        assertEquals("threatbus: config file not found: " + dir.resolve("missing.yaml") + "\n", missing.output);

        Files.writeString(dir.resolve("config.json"), "{}");
        Run json = run(Map.of(), "--config", "config.json");
        assertEquals(json.output, 1, json.exit);
        assertEquals("threatbus: Please provide a `yaml` or `yml` configuration file (got config.json)\n", json.output);
    }

    @Test
    public void theEnvironmentBeatsDotEnvWhichBeatsTheFile() throws Exception {
        Files.writeString(dir.resolve(".env"), "THREATBUS_PLUGINS__APPS__ZMQ__MANAGE=dotenv\n"
                + "export THREATBUS_PLUGINS__APPS__ZMQ__PUB=also-dotenv\n");
        Run run = run(Map.of("THREATBUS_PLUGINS__APPS__ZMQ__MANAGE", "from-env"), "--check", "-c", "good.yaml");

        assertEquals(run.output, 1, run.exit);
        assertTrue(run.output, run.output.contains("ERROR    plugins.apps.zmq.manage: expected an integer, got "
                + "\"from-env\" (from env THREATBUS_PLUGINS__APPS__ZMQ__MANAGE)\n"));
        assertTrue(run.output, run.output.contains("ERROR    plugins.apps.zmq.pub: expected an integer, got "
                + "\"also-dotenv\" (from .env THREATBUS_PLUGINS__APPS__ZMQ__PUB)\n"));

        Run fixed = run(Map.of("THREATBUS_PLUGINS__APPS__ZMQ__MANAGE", "13370", "THREATBUS_PLUGINS__APPS__ZMQ__PUB",
                "13371"), "--check", "-c", "good.yaml");
        assertEquals(fixed.output, 0, fixed.exit);
    }

    @Test
    public void theBusRunsFromTheFileWithEnvironmentOverridesAndLogsAsConfigured() throws Exception {
        int[] ports = ZmqFixture.freePorts(5);
        Files.writeString(dir.resolve("config.yaml"), "logging:\n  console: false\n  file: true\n"
                + "  filename: bus.log\nplugins:\n  backbones:\n    inmem:\n  apps:\n    zmq:\n      host: 127.0.0.1\n"
                + "      manage: " + ports[0] + "\n      pub: " + ports[1] + "\n      sub: " + ports[2] + "\n");
        Process bus = startBus(Map.of("THREATBUS_PLUGINS__APPS__ZMQ__MANAGE", String.valueOf(ports[3])));
        try {
            Await.until("zmq listens on the port from the environment", () -> ZeekFixture.listening(ports[3]),
                    () -> read("stdout.txt") + read("bus.log"));
            assertFalse("not on the file's port", ZeekFixture.listening(ports[0]));
            Await.until("the log file in the original's format", () -> read("bus.log").matches("(?s)(.*\n)?"
                    + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO     \\[ZmqEndpoint\\] zmq app listening on "
                    + "127.0.0.1: manage " + ports[3] + ", .*"), () -> read("bus.log"));
            assertFalse("nothing on the console", read("stdout.txt").contains("zmq app listening"));
            assertFalse("a loopback endpoint needs no warning", read("bus.log").contains("without authentication"));
        } finally {
            bus.destroy();
            assertTrue("stopped on SIGTERM", bus.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals(143, bus.exitValue());
    }

    @Test
    public void aStartWithTheDefaultsLogsNoWarning() throws Exception {
        Process bus = startBus(Map.of());
        try {
            Await.until("the store, the last plugin, is on the bus", () -> read("stdout.txt")
                    .contains("[BusCore] + application store"), () -> read("stdout.txt"));
        } finally {
            bus.destroy();
            assertTrue("stopped on SIGTERM", bus.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        }
        String output = read("stdout.txt");
        assertFalse(output, output.matches("(?s).*\\d{3} (WARN|WARNING|ERROR) .*"));
    }

    @Test
    public void endpointsBoundBeyondLoopbackWithoutAuthenticationAreWarnedAboutAtStart() throws Exception {
        int[] ports = ZmqFixture.freePorts(4);
        Files.writeString(dir.resolve("config.yaml"), "plugins:\n  backbones:\n    inmem:\n  apps:\n    zmq:\n"
                + "      host: 0.0.0.0\n      manage: " + ports[0] + "\n      pub: " + ports[1] + "\n      sub: "
                + ports[2] + "\n    zeek:\n      host: 0.0.0.0\n      port: " + ports[3] + "\n");
        Process bus = startBus(Map.of());
        try {
            Await.until("both warnings", () -> read("stdout.txt").contains("WARNING  [ZmqEndpoint] zmq app listens on "
                    + "0.0.0.0 without authentication: any host that reaches ports " + ports[0] + ", " + ports[1]
                    + " and " + ports[2] + " can publish intel to the bus and read it; set curve.secret_key")
                    && read("stdout.txt").contains("WARNING  [ZeekEndpoint] Zeek app listens on 0.0.0.0 without "
                            + "authentication: any host that reaches port " + ports[3] + " can peer"),
                    () -> read("stdout.txt"));
        } finally {
            bus.destroy();
            assertTrue("stopped on SIGTERM", bus.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    public void anInvalidFileStopsTheStartBeforeAnyPluginRuns() throws Exception {
        int[] ports = ZmqFixture.freePorts(3);
        Files.writeString(dir.resolve("config.yml"), "plugins:\n  backbones:\n    inmem:\n  apps:\n    zmq:\n"
                + "      host: 127.0.0.1\n      manage: " + ports[0] + "\n      pub: " + ports[1] + "\n      sub: nope\n");
        Run run = run(Map.of());

        assertEquals(run.output, 1, run.exit);
        assertTrue(run.output, run.output.contains("ERROR    [ConfigService] plugins.apps.zmq.sub: expected an integer, "
                + "got \"nope\""));
        assertFalse(run.output, run.output.contains("zmq app listening"));
        assertFalse(run.output, run.output.contains("Threat Bus core started"));
    }

    @Test
    public void secretsAppearNeitherInTheLogNorInTheConsole() throws Exception {
        int[] ports = ZmqFixture.freePorts(5); // zmq's three, a MISP feed and a MISP API where nothing listens
        String zmqPassword = "zmq-pw-7f3a9c";
        String apiKey = "misp-key-2b8e41";
        String feedPassword = "feed-pw-5d0c17";
        Files.writeString(dir.resolve("config.yaml"), "logging:\n  console: true\n  console_verbosity: DEBUG\n"
                + "  file: true\n  file_verbosity: DEBUG\n  filename: bus.log\nplugins:\n  backbones:\n    inmem:\n"
                + "  apps:\n    zmq:\n      host: 127.0.0.1\n      manage: " + ports[0] + "\n      pub: " + ports[1]
                + "\n      sub: " + ports[2] + "\n      plain.users: [\"vast:" + zmqPassword + "\"]\n"
                + "    misp:\n      api:\n        host: https://127.0.0.1:" + ports[4] + "\n        ssl: true\n"
                + "        key: " + apiKey + "\n      zmq:\n        host: 127.0.0.1\n        port: " + ports[3]
                + "\n        username: threatbus\n        password: " + feedPassword + "\n");
        Process bus = startBus(Map.of());
        try (ZContext zmq = new ZContext()) {
            Await.until("zmq listens", () -> ZeekFixture.listening(ports[0]), () -> read("stdout.txt"));
            // a client with a wrong password is refused (and logged), one with the right one asks for a
            // snapshot, which makes the MISP app call its API: the failure is logged, the key must not be
            assertEquals(null, plainRequest(zmq, ports[0], "guess", 1_000));
            String reply = plainRequest(zmq, ports[0], zmqPassword, 10_000);
            assertTrue(reply, reply != null && reply.contains("\"status\": \"success\""));
            Await.until("the refusal and the failed MISP call are logged", () -> read("bus.log")
                    .contains("zmq app refused a connection") && read("bus.log").contains("from MISP failed"),
                    () -> read("bus.log"));
        } finally {
            bus.destroy();
            assertTrue("stopped on SIGTERM", bus.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        }
        String everything = read("bus.log") + read("stdout.txt");
        for (String secret : List.of(zmqPassword, apiKey, feedPassword)) {
            assertFalse(secret + " in the output", everything.contains(secret));
        }
    }

    /** One management request over PLAIN as user vast; the reply, or null if none came. */
    private static String plainRequest(ZContext zmq, int port, String password, int timeoutMillis) {
        ZMQ.Socket req = zmq.createSocket(SocketType.REQ);
        req.setLinger(0);
        req.setHandshakeIvl(500); // JeroMQ's client side of a PLAIN handshake can stall; retry instead
        req.setPlainUsername("vast");
        req.setPlainPassword(password);
        req.setReceiveTimeOut(timeoutMillis);
        req.connect("tcp://127.0.0.1:" + port);
        req.send("{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\", \"snapshot\": 30}");
        String reply = req.recvStr();
        zmq.destroySocket(req);
        return reply;
    }

    private String read(String name) {
        try {
            Path file = dir.resolve(name);
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private ProcessBuilder command(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("threatbus.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("THREATBUS_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** Starts threatbus.jar without the interactive shell, its output going to stdout.txt. */
    private Process startBus(Map<String, String> env) throws IOException {
        ProcessBuilder builder = command(env);
        builder.command().add(1, "-Dgosh.args=--nointeractive");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(dir.resolve("stdout.txt").toFile());
        return builder.start();
    }

    /** Runs threatbus.jar to its end with stdin closed; a run that does not end fails the test. */
    private Run run(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = command(env, args);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("threatbus.jar did not exit: " + new String(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Path original(String name) {
        return Path.of(System.getProperty("threatbus.test.original.configs"), name);
    }

    private record Run(int exit, String output) {
    }
}
