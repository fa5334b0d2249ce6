// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;

/**
 * The systemd unit in {@code systemd/threatbus.service}, run as systemd would run it but without systemd: its
 * {@code ExecStart} line, verbatim, in a mount namespace that rebuilds the unit's sandbox (read-only system
 * with {@code ProtectSystem=strict}, a private {@code /tmp}, home hidden, an unprivileged user with no
 * capabilities and no new privileges, {@code /var/log/threatbus} and {@code /var/lib/threatbus} the writable
 * places). It shows that the bus starts in that sandbox, logs where the README says, keeps its store in the
 * state directory, and exits with the codes the unit treats as success and
 * as "do not restart". Needs root and {@code unshare}, as on the CI machine; skipped elsewhere.
 */
public class ServiceUnitIT {

    private static final long EXIT_SECONDS = 60;

    private Map<String, String> service;
    private Path root;
    private Path install;
    private Path logs;
    private Path state;

    @Before
    public void readUnitAndPrepareInstall() throws Exception {
        assumeTrue("needs root and mount namespaces", canSandbox());
        service = serviceSection(Path.of(System.getProperty("threatbus.systemd.unit")));
        for (String key : List.of("DynamicUser", "ProtectSystem", "ProtectHome", "PrivateTmp", "NoNewPrivileges",
                "CapabilityBoundingSet", "LogsDirectory", "StateDirectory", "Environment", "WorkingDirectory", "ExecStart", "SuccessExitStatus",
                "RestartPreventExitStatus", "StandardInput")) {
            assertTrue("the unit sets " + key + ", which this test rebuilds", service.containsKey(key));
        }
        assertEquals("yes", service.get("DynamicUser"));
        assertEquals("strict", service.get("ProtectSystem"));
        assertEquals("", service.get("CapabilityBoundingSet"));
        root = ThreatBusOptions.freshFolder("service");
        install = Files.createDirectories(root.resolve("opt-threatbus"));
        Files.createDirectories(install.resolve("plugins"));
        Files.createDirectories(install.resolve("etc"));
        Files.copy(Path.of(System.getProperty("threatbus.jar")), install.resolve("threatbus.jar"));
        logs = Files.createDirectories(root.resolve("var-log-threatbus"));
        state = Files.createDirectories(root.resolve("var-lib-threatbus"));
    }

    @Test
    public void theBusRunsInTheUnitsSandboxLogsToItsLogsDirectoryAndStopsWithASuccessCode() throws Exception {
        int[] ports = ZmqFixture.freePorts(3);
        Files.writeString(install.resolve("config.yaml"), "logging:\n  console: true\n  file: true\n"
                + "  filename: /var/log/threatbus/threatbus.log\nplugins:\n  backbones:\n    inmem:\n  apps:\n"
                + "    zmq:\n      host: 127.0.0.1\n      manage: " + ports[0] + "\n      pub: " + ports[1]
                + "\n      sub: " + ports[2] + "\n");
        Process bus = start();
        try {
            String manage = "tcp://127.0.0.1:" + ports[0];
            Await.until("the zmq app answers", () -> ZmqTestApp.request(manage,
                    "{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\", \"snapshot\": 0}", 500) != null,
                    this::output);
            Await.until("the log file in the unit's logs directory",
                    () -> read(logs.resolve("threatbus.log")).contains("zmq app listening on 127.0.0.1"),
                    this::output);
        } finally {
            bus.destroy(); // SIGTERM, as systemctl stop sends
            assertTrue("stopped on SIGTERM", bus.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        }
        assertTrue("exit code " + bus.exitValue() + " is one the unit counts as success: "
                + service.get("SuccessExitStatus") + "\n" + output(),
                Arrays.asList(service.get("SuccessExitStatus").split(" ")).contains(String.valueOf(bus.exitValue())));
        assertEquals("written by the unprivileged user", "nobody",
                Files.getOwner(logs.resolve("threatbus.log")).getName());
        assertTrue("the store in the unit's state directory", Files.exists(state.resolve("threatbus-store.mv.db")));
        assertTrue("nothing written into the read-only install folder", !Files.exists(install.resolve("data"))
                && Files.list(install).count() == 4);
    }

    @Test
    public void anInvalidConfigurationExitsWithTheCodeTheUnitDoesNotRestartOn() throws Exception {
        Files.writeString(install.resolve("config.yaml"), "plugins:\n  backbones:\n    inmem:\n  apps:\n    zmq:\n"
                + "      manage: abc\n");
        Process bus = start();
        assertTrue("exits by itself", bus.waitFor(EXIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(output(), service.get("RestartPreventExitStatus"), String.valueOf(bus.exitValue()));
        assertTrue(output(), output().contains("plugins.apps.zmq.manage: expected an integer, got \"abc\""));
    }

    /** The unit's ExecStart in its sandbox; the process is the JVM itself (every step execs the next). */
    private Process start() throws IOException {
        String sandbox = String.join(" && ",
                "mount --make-rprivate /",
                // the test's folders first, to a staging place: they may lie below a folder hidden next
                "mount -t tmpfs -o mode=755 tmpfs /mnt", "mkdir /mnt/install /mnt/logs /mnt/state",
                "mount --bind " + install + " /mnt/install", "mount --bind " + logs + " /mnt/logs",
                "mount --bind " + state + " /mnt/state", "chown nobody:nogroup /mnt/logs /mnt/state",
                // the install, the logs directory and the state directory (StateDirectory=, the store's)
                // where the unit expects them
                "mount -t tmpfs -o mode=755 tmpfs /opt", "mkdir /opt/threatbus",
                "mount --bind /mnt/install /opt/threatbus",
                "mount -t tmpfs -o mode=755 tmpfs /var/log", "mkdir /var/log/threatbus",
                "mount --bind /mnt/logs /var/log/threatbus",
                "mount -t tmpfs -o mode=755 tmpfs /var/lib", "mkdir /var/lib/threatbus",
                "mount --bind /mnt/state /var/lib/threatbus",
                // ProtectHome, PrivateTmp: empty, private
                "mount -t tmpfs -o mode=755 tmpfs /home", "mount -t tmpfs -o mode=700 tmpfs /root",
                "mount -t tmpfs -o mode=1777 tmpfs /tmp",
                // ProtectSystem=strict: everything else read-only, the install too
                "mount -o remount,bind,ro /", "mount -o remount,bind,ro /opt/threatbus",
                "cd " + service.get("WorkingDirectory"),
                // Environment=
                "export " + service.get("Environment"),
                // DynamicUser, NoNewPrivileges, CapabilityBoundingSet=
                "exec setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all --bounding-set=-all "
                        + "--no-new-privs " + service.get("ExecStart"));
        ProcessBuilder builder = new ProcessBuilder("unshare", "-m", "sh", "-c", sandbox).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("THREATBUS_"));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))); // StandardInput=null
        builder.redirectOutput(root.resolve("console.txt").toFile());
        return builder.start();
    }

    private String output() {
        return read(root.resolve("console.txt"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The [Service] section's keys and values; a key set twice keeps its last value, as in systemd. */
    private static Map<String, String> serviceSection(Path unit) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(unit)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                section = trimmed;
            } else if (section.equals("[Service]") && !trimmed.startsWith("#") && trimmed.contains("=")) {
                int eq = trimmed.indexOf('=');
                keys.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        return keys;
    }

    private static boolean canSandbox() {
        try {
            List<String> probe = new ArrayList<>(List.of("unshare", "-m", "true"));
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0
                    && "root".equals(System.getProperty("user.name"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
