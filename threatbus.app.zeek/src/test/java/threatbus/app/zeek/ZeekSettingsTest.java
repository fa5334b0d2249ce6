// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import threatbus.app.zeek.broker.BrokerEndpointConfig;
import threatbus.app.zeek.broker.TransportSecurity;

class ZeekSettingsTest {

    @TempDir
    Path dir;

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String problems(Object... keysAndValues) {
        return assertThatIllegalArgumentException()
                .isThrownBy(() -> ZeekSettings.of(ZeekConfigs.with(map(keysAndValues))))
                .actual().getMessage();
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "-----BEGIN NOTHING-----\n");
    }

    @Test
    void defaultsAreTheOriginalsEndpointWithZeeksDefaultAnonymousTls() {
        ZeekSettings settings = ZeekSettings.of(ZeekConfigs.defaults());

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(47761);
        assertThat(settings.namespace()).isEqualTo("Tenzir");
        assertThat(settings.security()).isEqualTo(TransportSecurity.ANONYMOUS_TLS);
        assertThat(settings.maxFrameBytes()).isEqualTo(4_194_304);
        assertThat(settings.peerQueueCapacity()).isEqualTo(1000);
        assertThat(settings.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        BrokerEndpointConfig endpoint = settings.endpointConfig();
        assertThat(endpoint).isEqualTo(new BrokerEndpointConfig("127.0.0.1", 47761, TransportSecurity.ANONYMOUS_TLS,
                4_194_304, 1000, Duration.ofSeconds(10)));
    }

    @Test
    void disableSslGivesPlainTcpAndValuesAreTrimmed() {
        ZeekSettings settings = ZeekSettings.of(ZeekConfigs.with(map("disable_ssl", true, "host", " 0.0.0.0 ",
                "module_namespace", " Acme::Intel ", "port", 1)));

        assertThat(settings.security()).isEqualTo(TransportSecurity.PLAIN);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.namespace()).isEqualTo("Acme::Intel");
        assertThat(settings.port()).isEqualTo(1);
    }

    @Test
    void allThreeFilesGiveMutualTlsWithTheirPassphrase() throws IOException {
        Path cert = file("cert.pem");
        Path key = file("key.pem");
        Path ca = file("ca.pem");

        ZeekSettings settings = ZeekSettings.of(ZeekConfigs.with(map("ssl_certificate", cert.toString(),
                "ssl_keyfile", key.toString(), "ssl_cafile", ca.toString(), "ssl_passphrase", "secret")));

        assertThat(settings.security()).isEqualTo(TransportSecurity.mutualTls(cert, key, ca, "secret"));
        assertThat(settings.security().mode()).isEqualTo(TransportSecurity.Mode.MUTUAL_TLS);
        assertThat(settings.security().toString()).doesNotContain("secret");
    }

    @Test
    void anEmptyPassphraseMeansAnUnencryptedKey() throws IOException {
        Path cert = file("cert.pem");
        Path key = file("key.pem");
        Path ca = file("ca.pem");

        ZeekSettings settings = ZeekSettings.of(ZeekConfigs.with(map("ssl_certificate", cert.toString(),
                "ssl_keyfile", key.toString(), "ssl_cafile", ca.toString())));

        assertThat(((TransportSecurity.MutualTls) settings.security()).passphrase()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "not a host", "evil.com;rm", "host/name"})
    void aBadHostIsNamed(String host) {
        assertThat(problems("host", host)).contains("host must be an address or host name")
                .contains("\"" + host + "\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536, 70_000})
    void aPortOutsideTcpsRangeIsNamed(int port) {
        assertThat(problems("port", port)).contains("port must be a TCP port (1-65535), got " + port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1Tenzir", "Ten-zir", "Tenzir::", "::Tenzir", "Ten zir", "Tenzir:intel"})
    void aNamespaceThatIsNoZeekModuleNameIsNamed(String namespace) {
        assertThat(problems("module_namespace", namespace)).contains("module_namespace must be a Zeek module name");
    }

    @Test
    void missingFilesAreEachNamed() {
        Path missing = dir.resolve("missing.pem");

        String message = problems("ssl_certificate", missing.toString(), "ssl_keyfile", missing.toString(),
                "ssl_cafile", dir.toString());

        assertThat(message).contains("ssl_certificate must be a readable file, got \"" + missing + "\"")
                .contains("ssl_keyfile must be a readable file")
                .contains("ssl_cafile must be a readable file, got \"" + dir + "\"");
    }

    @Test
    void disablingSslAndConfiguringCertificatesContradict() throws IOException {
        String message = problems("disable_ssl", true, "ssl_cafile", file("ca.pem").toString());

        assertThat(message).contains("disable_ssl = true and ssl_certificate/ssl_keyfile/ssl_cafile contradict");
    }

    @Test
    void aPartialCertificateSetIsRefused() throws IOException {
        String message = problems("ssl_certificate", file("cert.pem").toString(), "ssl_keyfile",
                file("key.pem").toString());

        assertThat(message).contains("mutual TLS needs all of ssl_certificate, ssl_keyfile and ssl_cafile");
    }

    @Test
    void limitsBelowTheirMinimumAreNamed() {
        String message = problems("max.frame.bytes", 1023, "peer.queue.capacity", 0, "handshake.timeout.s", 0);

        assertThat(message).contains("max.frame.bytes must be at least 1024, got 1023")
                .contains("peer.queue.capacity must be at least 1, got 0")
                .contains("handshake.timeout.s must be at least 1, got 0");
    }

    @Test
    void theSmallestLimitsAreAccepted() {
        ZeekSettings settings = ZeekSettings.of(ZeekConfigs.with(map("max.frame.bytes", 1024,
                "peer.queue.capacity", 1, "handshake.timeout.s", 1)));

        assertThat(settings.maxFrameBytes()).isEqualTo(1024);
        assertThat(settings.handshakeTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String message = problems("host", "bad host", "port", 0, "module_namespace", "9", "ssl_keyfile",
                dir.resolve("nope").toString(), "max.frame.bytes", 0, "peer.queue.capacity", -5,
                "handshake.timeout.s", -1);

        assertThat(message).startsWith("invalid Zeek app configuration: ")
                .contains("host must", "port must", "module_namespace must", "ssl_keyfile must",
                        "mutual TLS needs all", "max.frame.bytes must", "peer.queue.capacity must",
                        "handshake.timeout.s must");
    }
}
