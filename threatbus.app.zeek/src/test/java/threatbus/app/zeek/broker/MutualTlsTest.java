// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static threatbus.app.zeek.broker.RecordingHandler.take;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/** Zeek with {@code Broker::ssl_certificate}, {@code ssl_keyfile} and {@code ssl_cafile}: both sides verified. */
class MutualTlsTest {

    static final Duration T = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static TestCertificates.Issued ca;
    static TestCertificates.Issued zeek;
    static TransportSecurity security;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCertificates.ca("CN=Test CA");
        TestCertificates.Issued server = TestCertificates.issue(ca, "CN=threatbus");
        zeek = TestCertificates.issue(ca, "CN=zeek");
        security = TransportSecurity.mutualTls(
                TestCertificates.writePem(dir.resolve("server.pem"), server.certificate()),
                TestCertificates.writeEncryptedKey(dir.resolve("server.key"), server.keys(), "secret"),
                TestCertificates.writePem(dir.resolve("ca.pem"), ca.certificate()), "secret");
    }

    static BrokerEndpoint endpoint(RecordingHandler handler) throws Exception {
        return new BrokerEndpoint(BrokerEndpointConfig.defaults().withPort(0).withSecurity(security), handler);
    }

    @Test
    void peersWithValidCertificates() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (BrokerEndpoint endpoint = endpoint(handler)) {
            endpoint.subscriptions(Set.of("in"));
            ZeekTestPeer.Dialer dialer = ZeekTestPeer.tlsWith(TestCertificates.clientContext(zeek, ca));
            try (ZeekTestPeer peer = ZeekTestPeer.peer(dialer, endpoint.port(), ZeekTestPeer.smallId(), List.of("out"))) {
                assertThat(((SSLSocket) peer.socket).getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
                BrokerPeer p = take(handler.added, T);
                assertThat(p.send("out", new byte[] {1})).isEqualTo(SendResult.QUEUED);
                assertThat(peer.next(RawWire.DATA, T).payload()).containsExactly(1);
                peer.publish("in", new byte[] {2});
                assertThat(take(handler.data, T).payload()).containsExactly(2);
            }
        }
    }

    @Test
    void refusesClientsWithoutOrWithForeignCertificates() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (BrokerEndpoint endpoint = endpoint(handler)) {
            ZeekTestPeer.Dialer anonymous = ZeekTestPeer.tlsWith(TestCertificates.clientContext(null, ca));
            assertThatThrownBy(() -> ZeekTestPeer.peer(anonymous, endpoint.port(), ZeekTestPeer.smallId(), List.of()))
                    .isInstanceOf(java.io.IOException.class);
            TestCertificates.Issued otherCa = TestCertificates.ca("CN=Other CA");
            ZeekTestPeer.Dialer foreign = ZeekTestPeer.tlsWith(
                    TestCertificates.clientContext(TestCertificates.issue(otherCa, "CN=mallory"), ca));
            assertThatThrownBy(() -> ZeekTestPeer.peer(foreign, endpoint.port(), ZeekTestPeer.smallId(), List.of()))
                    .isInstanceOf(java.io.IOException.class);
            Await.until("two TLS failures", T, () -> endpoint.rejections().get(RejectCause.TLS_FAILED) == 2);
            assertThat(endpoint.peers()).isEmpty();
        }
    }

    @Test
    void badKeyFilesFailAtConstruction() {
        TransportSecurity wrongPassphrase = TransportSecurity.mutualTls(dir.resolve("server.pem"),
                dir.resolve("server.key"), dir.resolve("ca.pem"), "wrong");
        assertThatThrownBy(() -> new BrokerEndpoint(BrokerEndpointConfig.defaults().withPort(0)
                .withSecurity(wrongPassphrase), new RecordingHandler())).isInstanceOf(java.io.IOException.class);
        TransportSecurity missing = TransportSecurity.mutualTls(dir.resolve("nope.pem"), dir.resolve("server.key"),
                dir.resolve("ca.pem"), "secret");
        assertThatThrownBy(() -> new BrokerEndpoint(BrokerEndpointConfig.defaults().withPort(0)
                .withSecurity(missing), new RecordingHandler())).isInstanceOf(java.io.IOException.class);
        assertThat(missing.toString()).doesNotContain("secret");
    }
}
