// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import threatbus.testbroker.RabbitNode;

/**
 * AMQPS against a broker that requires client certificates: with the CA file and the client key store the
 * backbone connects and messages flow; without the client certificate, or trusting another CA, it does not
 * connect and says why.
 */
class TlsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static RabbitNode node;
    private static TestCertificate server;
    private static TestCertificate clientCa;
    private static TestCertificate client;
    private static TestCertificate stranger;

    @BeforeAll
    static void startTlsBroker() throws Exception {
        Path dir = Path.of(System.getProperty("threatbus.rabbit.dir", "target/rabbit"), "tls");
        server = TestCertificate.selfSigned(dir, "server", false);
        stranger = TestCertificate.selfSigned(dir, "stranger", false);
        clientCa = TestCertificate.selfSigned(dir, "clientca", true);
        client = TestCertificate.signedBy(dir, "client", clientCa);
        node = RabbitNode.startWithTls(dir.getParent(), server.certPem(), server.keyPem(), clientCa.certPem());
    }

    @AfterAll
    static void stopBroker() {
        if (node != null) {
            node.close();
        }
    }

    private static RabbitTransport transport(String suffix, Object... tls) {
        Object[] settings = new Object[tls.length + 4];
        settings[0] = "tls";
        settings[1] = true;
        settings[2] = "tls_ca__file";
        settings[3] = server.certPem().toString();
        System.arraycopy(tls, 0, settings, 4, tls.length);
        RabbitTransport transport = new RabbitTransport(
                TestSettings.forPort(node.tlsPort(), suffix, settings), state -> { });
        transport.start();
        return transport;
    }

    @Test
    void withTheCaAndAClientCertificateMessagesFlow() throws Exception {
        RabbitTransport transport = transport("tls", "tls_keystore", client.keystore().toString(),
                "tls_keystore__password", client.password());
        try {
            Await.until("connected over TLS", WAIT, () -> transport.state().equals("connected"), transport::state);
            CollectingOutbox outbox = new CollectingOutbox("stix2/");
            transport.subscribe(outbox);
            transport.publish(DuplicateFilterTest.indicator(7, Instant.parse("2021-03-04T10:00:00Z")));
            Await.until("the indicator back over TLS", WAIT, () -> outbox.messages.size() == 1);
        } finally {
            transport.stop(m -> { });
        }
    }

    @Test
    void withoutAClientCertificateTheBrokerRefuses() {
        RabbitTransport transport = transport("tls-no-client-cert");
        try {
            Await.until("a reported failure", WAIT, () -> transport.state().startsWith("disconnected: "),
                    transport::state);
            assertThat(transport.state()).isNotEqualTo("connected");
        } finally {
            transport.stop(m -> { });
        }
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefused() {
        RabbitTransport transport = transport("tls-wrong-ca", "tls_ca__file", stranger.certPem().toString(),
                "tls_keystore", client.keystore().toString(), "tls_keystore__password", client.password());
        try {
            Await.until("a reported certificate failure", WAIT, () -> transport.state().contains("SSL")
                    || transport.state().contains("certif"), transport::state);
        } finally {
            transport.stop(m -> { });
        }
    }
}
