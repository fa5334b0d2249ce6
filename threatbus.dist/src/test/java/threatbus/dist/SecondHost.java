// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A second Threat Bus host: the product ({@code threatbus.jar}) in a child process, headless, with the RabbitMQ
 * backbone dropped into its {@code plugins/} and its configuration in {@code etc/}, as an operator would set up
 * another host. Its zmq app and Zeek app listen on free ports, so it clashes with nothing.
 */
final class SecondHost implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 60_000;

    final ZmqFixture zmq;
    private final Process process;
    private final Path log;

    private SecondHost(ZmqFixture zmq, Process process, Path log) {
        this.zmq = zmq;
        this.process = process;
        this.log = log;
    }

    /** Starts the host on the broker at {@code brokerPort} with the queue suffix {@code name}; waits until it runs. */
    static SecondHost start(Path dir, int brokerPort, String name) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path backbone = Path.of(System.getProperty("threatbus.rabbitmq.bundle"));
        Files.copy(backbone, plugins.resolve(backbone.getFileName()));
        // FileInstall's .cfg values are strings; Declarative Services converts them to the configured types
        Files.writeString(etc.resolve("threatbus.backbone.rabbitmq.cfg"), "host = 127.0.0.1\nport = " + brokerPort
                + "\nqueue.name_suffix = " + name + "\nreconnect.initial_millis = 100\n");
        int[] ports = ZmqFixture.freePorts(4);
        Files.writeString(etc.resolve("threatbus.app.zmq.cfg"), "manage = " + ports[0] + "\npub = " + ports[1]
                + "\nsub = " + ports[2] + "\n");
        Files.writeString(etc.resolve("threatbus.app.zeek.cfg"), "port = " + ports[3] + "\n");
        Path log = dir.resolve("threatbus.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-Dgosh.args=--nointeractive", "-jar",
                System.getProperty("threatbus.jar")).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        SecondHost host = new SecondHost(ZmqFixture.at(ports[0], ports[1], ports[2]), process, log);
        host.awaitLog("Connected to RabbitMQ");
        Await.until("the second host's zmq app answers", () -> ZmqTestApp.request(host.zmq.manageEndpoint(),
                "{\"action\": \"heartbeat\", \"topic\": \"x\"}", 500) != null, host::log);
        return host;
    }

    /** Waits until the host logged {@code text}; fails early if it died. */
    void awaitLog(String text) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!log().contains(text)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("the second host did not log \"" + text + "\":\n" + log());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the host as a service manager would (SIGTERM), and kills it if it does not go. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
