// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static threatbus.app.zeek.broker.RecordingHandler.take;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/** The anonymous TLS server as Zeek's OpenSSL sets it up: P-384 only, and failures close just that socket. */
class AnonymousTlsTest {

    static final Duration T = Duration.ofSeconds(10);

    RecordingHandler handler = new RecordingHandler();
    BrokerEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = new BrokerEndpoint(BrokerEndpointConfig.defaults().withPort(0)
                .withHandshakeTimeout(Duration.ofMillis(700)), handler);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    /** A BouncyCastle client offering the anonymous suite with one named group. */
    TlsClientProtocol connect(int group) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", endpoint.port()), 5000);
        s.setSoTimeout(10_000);
        TlsClientProtocol tls = new TlsClientProtocol(s.getInputStream(), s.getOutputStream());
        try {
            tls.connect(new DefaultTlsClient(new BcTlsCrypto(new SecureRandom())) {
                @Override
                protected ProtocolVersion[] getSupportedVersions() {
                    return ProtocolVersion.TLSv12.only();
                }

                @Override
                protected int[] getSupportedCipherSuites() {
                    return new int[] {CipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA};
                }

                @Override
                protected Vector<Integer> getSupportedGroups(@SuppressWarnings("rawtypes") Vector roles) {
                    Vector<Integer> groups = new Vector<>();
                    groups.add(group);
                    return groups;
                }

                @Override
                public TlsAuthentication getAuthentication() {
                    return new TlsAuthentication() {
                        @Override
                        public void notifyServerCertificate(TlsServerCertificate certificate) throws IOException {
                            throw new IOException("an anonymous server sent a certificate");
                        }

                        @Override
                        public TlsCredentials getClientCredentials(
                                org.bouncycastle.tls.CertificateRequest request) {
                            return null;
                        }
                    };
                }
            });
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return tls;
    }

    @Test
    void negotiatesP384() throws Exception {
        TlsClientProtocol tls = connect(NamedGroup.secp384r1);
        try {
            RawWire.Hs probe = RawWire.parseHs(RawWire.readFrame(new java.io.DataInputStream(tls.getInputStream())));
            assertThat(probe.tag()).isEqualTo(RawWire.PROBE);
        } finally {
            tls.close();
        }
    }

    @Test
    void refusesOtherGroups() throws Exception {
        assertThatThrownBy(() -> connect(NamedGroup.secp256r1)).isInstanceOf(IOException.class);
        Await.until("TLS failure counted", T, () -> endpoint.rejections().get(RejectCause.TLS_FAILED) == 1);
    }

    @Test
    void plainPeerAgainstTlsEndpointFails() throws Exception {
        try (ZeekTestPeer plain = ZeekTestPeer.raw(ZeekTestPeer.PLAIN, endpoint.port(), ZeekTestPeer.smallId())) {
            RawWire.writeFrame(plain.out, RawWire.hello(plain.id, 1, 1));
            assertThat(plain.in.read()).isIn(-1, 0x15); // EOF or a TLS alert record
        } catch (java.net.SocketException reset) {
            // also a refusal
        }
        Await.until("TLS failure counted", T, () -> endpoint.rejections().get(RejectCause.TLS_FAILED) == 1);
        // A good anonymous-TLS peer still gets through.
        try (ZeekTestPeer zeek = ZeekTestPeer.peer(ZeekTestPeer.ANONYMOUS_TLS, endpoint.port(), ZeekTestPeer.smallId(), List.of())) {
            take(handler.added, T);
        }
    }

    @Test
    void silentTlsClientTimesOut() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", endpoint.port()), 5000);
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        Await.until("timeout counted", T, () -> endpoint.rejections().get(RejectCause.TIMEOUT) == 1);
    }
}
