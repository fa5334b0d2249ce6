// SPDX-License-Identifier: BSD-3-Clause
package threatbus.testbroker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway RabbitMQ node for tests, from Debian's {@code rabbitmq-server}: its own node name, AMQP port,
 * Erlang distribution port, cookie (through its own {@code HOME}), data, logs and (empty) configuration, all
 * under one directory, so it never meets a system node or another test's. It can be killed like a crash
 * ({@link #kill}, SIGKILL) and started again on the same port with the same data ({@link #start}).
 *
 * <p>Readiness is an AMQP handshake on the port (the broker answers with {@code connection.start} once it
 * accepts clients), polled until a deadline; nothing sleeps blindly. JDK only, so the OSGi integration tests
 * can use it from their probe bundle.
 */
public final class RabbitNode implements AutoCloseable {

    /** The server script that runs the node as the current user (Debian's /usr/sbin one switches users). */
    public static final String SERVER = System.getenv().getOrDefault("THREATBUS_RABBITMQ_SERVER",
            "/usr/lib/rabbitmq/bin/rabbitmq-server");
    private static final long START_TIMEOUT_MILLIS = 90_000;
    private static final long STOP_TIMEOUT_MILLIS = 20_000;
    private static final AtomicInteger NODES = new AtomicInteger();

    private final Path dir;
    private final String nodeName;
    private final int port;
    private final int distPort;
    private final int tlsPort;
    private Process process;
    private int starts;

    private RabbitNode(Path dir) {
        this.dir = dir;
        this.nodeName = "threatbus-test-" + ProcessHandle.current().pid() + "-" + NODES.incrementAndGet()
                + "@localhost";
        this.port = freePort();
        this.distPort = freePort();
        this.tlsPort = freePort();
    }

    /** Starts a new node with its files under {@code baseDir} and waits until it accepts clients. */
    public static RabbitNode start(Path baseDir) {
        return start(baseDir, "");
    }

    /**
     * Starts a node that also listens for AMQPS on {@link #tlsPort()} with the certificate and key of
     * {@code certPem}/{@code keyPem} (PEM, the key unencrypted), and requires clients to present a certificate
     * signed by one of {@code clientCaPem}.
     */
    public static RabbitNode startWithTls(Path baseDir, Path certPem, Path keyPem, Path clientCaPem) {
        return start(baseDir, String.join("\n",
                "ssl_options.certfile = " + certPem.toAbsolutePath(),
                "ssl_options.keyfile = " + keyPem.toAbsolutePath(),
                "ssl_options.cacertfile = " + clientCaPem.toAbsolutePath(),
                "ssl_options.verify = verify_peer",
                "ssl_options.fail_if_no_peer_cert = true", ""));
    }

    private static RabbitNode start(Path baseDir, String tlsConfig) {
        if (!Files.isExecutable(Path.of(SERVER))) {
            throw new IllegalStateException(SERVER + " is missing: install Debian's rabbitmq-server (.ci/run does)");
        }
        try {
            Files.createDirectories(baseDir);
            RabbitNode node = new RabbitNode(Files.createTempDirectory(baseDir, "node-"));
            if (!tlsConfig.isEmpty()) {
                Files.writeString(node.dir.resolve("rabbitmq.conf"),
                        "listeners.ssl.default = " + node.tlsPort + "\n" + tlsConfig);
            }
            node.start();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The AMQP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The AMQPS port on 127.0.0.1, if started {@link #startWithTls with TLS}. */
    public int tlsPort() {
        return tlsPort;
    }

    public String nodeName() {
        return nodeName;
    }

    /** Starts the node (again, after {@link #kill}: same port, same data) and waits until it accepts clients. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(nodeName + " is running");
        }
        try {
            Files.writeString(dir.resolve("enabled_plugins"), "[].");
            Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
            Path log = dir.resolve("console-" + ++starts + ".log");
            ProcessBuilder builder = new ProcessBuilder(SERVER).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment());
            process = builder.start();
            process.getOutputStream().close();
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the node like a crash (SIGKILL, no shutdown) and waits until it is gone and its port is free. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            // the killed processes may linger as zombies; what matters is that the ports are free again
            long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MILLIS;
            process.waitFor(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            while ((accepts(port) || accepts(distPort)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            if (accepts(port) || accepts(distPort)) {
                throw new IllegalStateException(nodeName + " still listens " + STOP_TIMEOUT_MILLIS
                        + " ms after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the node; the throwaway directory stays for a look after a failure (it is under target/). */
    @Override
    public void close() {
        kill();
    }

    private Map<String, String> environment() {
        return Map.ofEntries(
                Map.entry("HOME", dir.toString()), // the Erlang cookie is made and read here
                Map.entry("RABBITMQ_NODENAME", nodeName),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                Map.entry("RABBITMQ_NODE_PORT", Integer.toString(port)),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(distPort)),
                Map.entry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", dir.resolve("log").toString()),
                Map.entry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString()),
                Map.entry("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString()),
                Map.entry("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString()),
                Map.entry("RABBITMQ_PLUGINS_EXPAND_DIR", dir.resolve("plugins-expand").toString()),
                Map.entry("RABBITMQ_PID_FILE", dir.resolve("node.pid").toString()));
    }

    private void awaitReady(Path log) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(nodeName + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            if (handshakes()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + nodeName);
            }
        }
        kill();
        throw new IllegalStateException(nodeName + " did not accept AMQP clients within " + START_TIMEOUT_MILLIS
                + " ms:\n" + tail(log));
    }

    /** Sends the AMQP 0-9-1 protocol header; a ready broker answers with a method frame (type 1). */
    private boolean handshakes() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read() == 1;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
