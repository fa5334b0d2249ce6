// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

import threatbus.api.Application;
import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.RawWire.Op;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * The original's config files drive the bus in a real Felix through threatbus.config: the plugins they name
 * are active, the others not; an edit of the file is applied live to the components it changes, and only to
 * them; an invalid edit changes nothing.
 */
public class ConfigFileIT extends BusInFelix {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String FILE = "threatbus.test.config.file";
    private static final String ORIGINALS = "threatbus.test.original.configs";
    /** Indicators the zmq test app uses to see its sockets connected; Zeek cannot map this pattern. */
    private static final String UNMAPPABLE = "[network-traffic:dst_port = 443]";

    @Override
    @Configuration
    public Option[] config() throws IOException {
        Path file = ThreatBusOptions.freshFolder("config").resolve("config.yaml");
        // each test writes its own content and reloads; the container starts with a valid file
        Files.writeString(file, "plugins:\n  backbones:\n    inmem:\n  apps: {}\n");
        Option[] options = ThreatBusOptions.withFreshDeployFolder();
        Option[] mine = {
            frameworkProperty("threatbus.config.file").value(file.toString()),
            frameworkProperty("threatbus.config.poll.ms").value("100"),
            systemProperty(FILE).value(file.toString()),
            systemProperty(ORIGINALS).value(System.getProperty(ORIGINALS)),
        };
        return Stream.concat(Arrays.stream(options), Arrays.stream(mine)).toArray(Option[]::new);
    }

    @Test
    public void theOriginalsIntegrationConfigActivatesTheAppsItNamesAndNoOther() throws Exception {
        int[] ports = ZmqFixture.freePorts(4);
        String yaml = original("config_integration_test.yaml").replace("\"0.0.0.0\"", "\"127.0.0.1\"")
                .replace("47761", String.valueOf(ports[3]));
        apply(withZmqPorts(yaml, ports));
        startApps();

        ZmqFixture zmq = ZmqFixture.at(ports[0], ports[1], ports[2]);
        Await.until("the zmq app answers on the configured port", () -> answers(zmq), this::shownConfig);
        Await.until("the Zeek app listens on the configured port", () -> listening(ports[3]), this::shownConfig);
        Await.until("every state settled", () -> shownConfig().contains("plugins.apps.misp -> threatbus.app.misp [inactive]"),
                this::shownConfig);
        String config = shownConfig();
        assertTrue(config, config.contains("plugins.apps.zmq -> threatbus.app.zmq [active]"));
        assertTrue(config, config.contains("plugins.apps.zeek -> threatbus.app.zeek [active]"));
        assertTrue(config, config.contains("plugins.backbones.inmem -> threatbus.backbone.inmem [active]"));
        assertEquals(List.of(), applications("misp"));
    }

    @Test
    public void theOriginalsExampleWithOneMispFeedActivatesMispAndNamesWhatIsNotHere() throws Exception {
        int[] ports = ZmqFixture.freePorts(4);
        String yaml = original("threatbus-config.yaml.example").replace("47761", String.valueOf(ports[3]))
                .replaceAll("(?s)      # Requires threatbus-misp\\[kafka\\].*?auto.offset.reset: \"earliest\"\n", "");
        String reply = apply(withZmqPorts(yaml, ports));
        assertTrue(reply, reply.contains("reloaded ") && !reply.contains("not reloaded"));
        startApps();

        Await.until("MISP active", () -> shownConfig().contains("plugins.apps.misp -> threatbus.app.misp [active]"),
                this::shownConfig);
        Await.until("zmq active", () -> shownConfig().contains("plugins.apps.zmq -> threatbus.app.zmq [active]"),
                this::shownConfig);
        String config = shownConfig();
        assertTrue(config, config.contains("plugins.apps.zeek -> threatbus.app.zeek [active]"));
        assertTrue(config, config.contains("plugins.backbones.rabbitmq -> threatbus.backbone.rabbitmq [not installed]"));
        assertTrue(config, config.contains("warning: plugins.apps.cif3: the cif3 app is not implemented"));
        assertFalse("the API key is masked", config.contains("MISP_API_KEY"));
        assertTrue(config, config.matches("(?s).*api\\.key +\\*\\*\\*\\* +file.*"));
        assertTrue(config, config.matches("(?s).*zmq\\.host +localhost +file.*"));
    }

    @Test
    public void aLiveChangeOfTheZmqPortsRebindsThemWhileAZeekPeerStaysConnected() throws Exception {
        int[] ports = ZmqFixture.freePorts(4);
        String zeekApp = "    zeek:\n      host: 127.0.0.1\n      port: " + ports[3] + "\n      disable_ssl: true\n";
        apply(zmqConfig(ports) + zeekApp);
        startApps();
        ZmqFixture before = ZmqFixture.at(ports[0], ports[1], ports[2]);
        Await.until("the zmq app answers", () -> answers(before), this::shownConfig);
        Await.until("the Zeek app listens", () -> listening(ports[3]), this::shownConfig);
        long zeekService = serviceId("zeek");

        try (ZeekTestPeer peer = ZeekTestPeer.peer(ZeekTestPeer.PLAIN, ports[3], ZeekTestPeer.largeId(),
                List.of("threatbus/manage"))) {
            String p2p = ZeekAppIT.subscribe(peer);
            int[] moved = ZmqFixture.freePorts(3);
            Path file = Path.of(System.getProperty(FILE));
            Path partial = file.resolveSibling("config.yaml.part");
            Files.writeString(partial, zmqConfig(moved) + zeekApp);
            // as editors save: a new file renamed over the old one, picked up by the watcher
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            ZmqFixture after = ZmqFixture.at(moved[0], moved[1], moved[2]);
            Await.until("the zmq app answers on its new port", () -> answers(after), this::shownConfig);
            Await.until("the old port is released", () -> !listening(ports[0]), this::shownConfig);
            assertEquals("the Zeek app was not restarted", zeekService, serviceId("zeek"));

            // the Zeek subscription made before the change still gets intel, now sent through the new ports
            try (ZmqTestApp app = new ZmqTestApp(after, "\"stix2/indicator\"", 0)) {
                app.awaitConnected(UNMAPPABLE);
                app.send("stix2/indicator", "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": "
                        + "\"indicator--42d31a5b-2da0-4bdd-9823-1723a98fc2fb\", \"created\": \"2022-05-16T12:00:00.000Z\", "
                        + "\"modified\": \"2022-05-16T12:00:00.000Z\", \"pattern\": \"[domain-name:value = 'example.com']\", "
                        + "\"pattern_type\": \"stix\", \"valid_from\": \"2022-05-16T12:00:00.000Z\"}");
                Op intel = peer.next(RawWire.DATA, WAIT);
                assertEquals(p2p, intel.topic());
            }
            peer.bye(WAIT);
        }
    }

    @Test
    public void aConfiguredPluginThatIsNotInstalledStartsWithItsConfigurationWhenItsBundleArrives() throws Exception {
        Bundle zmqBundle = Bundles.named(context, "threatbus.app.zmq");
        Path jar = Path.of(java.net.URI.create(zmqBundle.getLocation()));
        zmqBundle.uninstall();
        int[] ports = ZmqFixture.freePorts(3);
        apply(zmqConfig(ports));
        String config = shownConfig();
        assertTrue(config, config.contains("plugins.apps.zmq -> threatbus.app.zmq [not installed]"));
        assertTrue(config, config.contains("warning: plugins.apps.zmq: configured, but bundle threatbus.app.zmq is "
                + "not installed"));

        Path staged = ThreatBusOptions.deployFolder().resolve("zmq.jar.part");
        Files.copy(jar, staged);
        Files.move(staged, ThreatBusOptions.deployFolder().resolve("threatbus.app.zmq.jar"));

        ZmqFixture zmq = ZmqFixture.at(ports[0], ports[1], ports[2]);
        Await.until("the hot-deployed zmq app answers on the configured port", () -> answers(zmq), this::shownConfig);
        Await.until("shown active", () -> shownConfig().contains("plugins.apps.zmq -> threatbus.app.zmq [active]"),
                this::shownConfig);
    }

    @Test
    public void anInvalidEditKeepsTheRunningConfigurationAndNamesTheKey() throws Exception {
        int[] ports = ZmqFixture.freePorts(3);
        apply(zmqConfig(ports));
        startApps();
        ZmqFixture zmq = ZmqFixture.at(ports[0], ports[1], ports[2]);
        Await.until("the zmq app answers", () -> answers(zmq), this::shownConfig);
        long zmqService = serviceId("zmq");

        String reply = apply(zmqConfig(ports).replace("manage: " + ports[0], "manage: abc")
                .replace("    inmem:\n", "    inmem:\n      handoff_capacity: 10\n      bogus: 1\n"));

        // the reply, after the log lines the shell session also captures
        assertTrue(reply, reply.contains("not reloaded, the running configuration stays:"));
        assertTrue(reply, reply.contains("plugins.apps.zmq.manage: expected an integer, got \"abc\""));
        assertTrue(reply, reply.contains("plugins.backbones.inmem.bogus: unknown key"));
        assertTrue("still answers on the old port", answers(zmq));
        assertEquals("the zmq app was not restarted", zmqService, serviceId("zmq"));
        String config = shownConfig();
        assertTrue(config, config.matches("(?s).*manage +" + ports[0] + " +file.*"));
        assertTrue(config, config.matches("(?s).*handoff\\.capacity +10000 +default.*"));
    }

    private static String zmqConfig(int[] ports) {
        return withZmqPorts("plugins:\n  backbones:\n    inmem:\n  apps:\n    zmq:\n      host: 127.0.0.1\n"
                + "      manage: 13370\n      pub: 13371\n      sub: 13372\n", ports);
    }

    private static String withZmqPorts(String yaml, int[] ports) {
        return yaml.replace("manage: 13370", "manage: " + ports[0]).replace("pub: 13371", "pub: " + ports[1])
                .replace("sub: 13372", "sub: " + ports[2]);
    }

    /** Writes the config file and reloads it at once (instead of waiting for the watcher); the reply. */
    private String apply(String yaml) throws IOException {
        Files.writeString(Path.of(System.getProperty(FILE)), yaml);
        return shell("threatbus:reload");
    }

    private String shownConfig() {
        return shell("threatbus:config");
    }

    private void startApps() throws Exception {
        Bundles.start(context, "threatbus.app.zmq", "threatbus.app.zeek");
    }

    private List<Long> applications(String name) throws Exception {
        return context.getServiceReferences(Application.class, "(threatbus.app.name=" + name + ")").stream()
                .map(r -> (Long) r.getProperty("service.id")).toList();
    }

    private long serviceId(String app) throws Exception {
        List<Long> ids = applications(app);
        assertEquals(app + " registered once", 1, ids.size());
        return ids.get(0);
    }

    private static boolean answers(ZmqFixture zmq) {
        return ZmqTestApp.request(zmq.manageEndpoint(), "{\"action\": \"heartbeat\", \"topic\": \"x\"}", 500) != null;
    }

    private static boolean listening(int port) {
        return ZeekFixture.listening(port);
    }

    private static String original(String name) {
        try {
            return Files.readString(Path.of(System.getProperty(ORIGINALS), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
