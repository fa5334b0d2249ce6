// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import threatbus.testing.TestBus;

/** CURVE and PLAIN on the zmq endpoint, with real JeroMQ clients over TCP. */
class ZmqSecurityTest {

    private static final String SUBSCRIBE = "{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\", \"snapshot\": 0}";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ZContext clients = new ZContext();
    private final TestBus bus = new TestBus();
    private ZmqEndpoint endpoint;

    @AfterEach
    void close() {
        clients.close();
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void curveAdmitsTheListedClientKeysOnly() throws Exception {
        ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();
        ZMQ.Curve.KeyPair admitted = ZMQ.Curve.generateKeyPair();
        ZMQ.Curve.KeyPair stranger = ZMQ.Curve.generateKeyPair();
        start(Map.of("curve.secret_key", server.secretKey, "curve.allowed_clients",
                new String[] {admitted.publicKey}));
        assertThat(endpoint.settings().security().curvePublicKey()).isEqualTo(server.publicKey);

        ZMQ.Socket good = curveRequester(admitted, server.publicKey);
        good.send(SUBSCRIBE);
        assertThat(good.recvStr()).contains("\"status\": \"success\"");

        ZMQ.Socket bad = curveRequester(stranger, server.publicKey);
        bad.send(SUBSCRIBE);
        await(() -> endpoint.authentications()[1] >= 1);
        bad.setReceiveTimeOut(500);
        assertThat(bad.recvStr()).as("a refused client gets no reply").isNull();
        assertThat(bus.active()).hasSize(1);
    }

    @Test
    void curveIntakeTakesFramesFromAnAdmittedPublisher() throws Exception {
        ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();
        ZMQ.Curve.KeyPair admitted = ZMQ.Curve.generateKeyPair();
        start(Map.of("curve.secret_key", server.secretKey, "curve.allowed_clients",
                new String[] {admitted.publicKey}));
        ZMQ.Socket publisher = clients.createSocket(SocketType.PUB);
        curveClient(publisher, admitted, server.publicKey);
        TestClients.connect(publisher, endpoint.settings().subPort());

        String frame = "stix2/indicator " + FrameDecoderTest.INDICATOR;
        // a PUB drops what it sends before the handshake: repeat until the bus has one
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bus.published.isEmpty() && System.nanoTime() < deadline) {
            publisher.send(frame.getBytes(StandardCharsets.UTF_8), 0);
            Thread.sleep(20);
        }
        assertThat(bus.published).isNotEmpty();
        assertThat(endpoint.authentications()[0]).isPositive();
    }

    @Test
    void curveWithoutClientKeysAdmitsAnyClientThatHasTheServerKey() throws Exception {
        ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();
        start(Map.of("curve.secret_key", server.secretKey));
        ZMQ.Socket anyone = curveRequester(ZMQ.Curve.generateKeyPair(), server.publicKey);
        anyone.send(SUBSCRIBE);
        assertThat(anyone.recvStr()).contains("\"status\": \"success\"");
    }

    @Test
    void plainAdmitsTheRightPasswordOnly() throws Exception {
        start(Map.of("plain.users", new String[] {"vast:s3cret, suricata:other"}));

        ZMQ.Socket good = plainRequester("vast", "s3cret");
        good.send(SUBSCRIBE);
        assertThat(good.recvStr()).contains("\"status\": \"success\"");

        ZMQ.Socket bad = plainRequester("vast", "guess");
        bad.send(SUBSCRIBE);
        await(() -> endpoint.authentications()[1] >= 1);
        bad.setReceiveTimeOut(500);
        assertThat(bad.recvStr()).isNull();
        assertThat(endpoint.authentications()[0]).isEqualTo(1);
    }

    @Test
    void withoutSecurityAnyClientIsServedAsByTheOriginal() throws Exception {
        start(Map.of());
        ZMQ.Socket plain = clients.createSocket(SocketType.REQ);
        plain.setReceiveTimeOut((int) WAIT.toMillis());
        TestClients.connect(plain, endpoint.settings().managePort());
        plain.send(SUBSCRIBE);
        assertThat(plain.recvStr()).contains("\"status\": \"success\"");
        assertThat(endpoint.settings().security().describe()).startsWith("none");
    }

    @Test
    void securityKeysAreCheckedAndSecretsNeverEchoed() {
        String secret = ZMQ.Curve.generateKeyPair().secretKey;
        assertThatThrownBy(() -> ZmqConfigs.settings(Map.of("curve.secret_key", secret, "plain.users",
                new String[] {"a:b"}))).hasMessageContaining("set either curve.secret_key or plain.users, not both");
        assertThatThrownBy(() -> ZmqConfigs.settings(Map.of("curve.secret_key", "short")))
                .hasMessageContaining("curve.secret_key must be a 40-character Z85 CURVE key");
        assertThatThrownBy(() -> ZmqConfigs.settings(Map.of("curve.allowed_clients", new String[] {secret})))
                .hasMessageContaining("curve.allowed_clients needs curve.secret_key");
        assertThatThrownBy(() -> ZmqConfigs.settings(Map.of("plain.users", new String[] {"nopassword-hunter2"})))
                .hasMessageContaining("plain.users entries must be name:password")
                .hasMessageNotContaining("hunter2");
        ZmqSettings settings = ZmqConfigs.settings(Map.of("curve.secret_key", secret));
        assertThat(settings.toString()).doesNotContain(secret);
        assertThat(ZmqConfigs.settings(Map.of("plain.users", new String[] {"a:hunter2"})).toString())
                .doesNotContain("hunter2");
    }

    @Test
    void theDerivedPublicKeyIsCurveZmqs() {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        assertThat(ZMQ.Curve.z85Encode(ZmqSecurity.publicKey(ZMQ.Curve.z85Decode(pair.secretKey))))
                .isEqualTo(pair.publicKey);
    }

    private void start(Map<String, Object> security) throws IOException {
        endpoint = new ZmqEndpoint(ZmqConfigs.onFreePorts(security), bus);
        endpoint.start();
    }

    private ZMQ.Socket curveRequester(ZMQ.Curve.KeyPair client, String serverKey) {
        ZMQ.Socket socket = clients.createSocket(SocketType.REQ);
        curveClient(socket, client, serverKey);
        socket.setReceiveTimeOut((int) WAIT.toMillis());
        TestClients.connect(socket, endpoint.settings().managePort());
        return socket;
    }

    private static void curveClient(ZMQ.Socket socket, ZMQ.Curve.KeyPair client, String serverKey) {
        socket.setLinger(0);
        socket.setCurvePublicKey(ZMQ.Curve.z85Decode(client.publicKey));
        socket.setCurveSecretKey(ZMQ.Curve.z85Decode(client.secretKey));
        socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverKey));
    }

    private ZMQ.Socket plainRequester(String user, String password) {
        ZMQ.Socket socket = clients.createSocket(SocketType.REQ);
        socket.setLinger(0);
        socket.setPlainUsername(user);
        socket.setPlainPassword(password);
        socket.setReceiveTimeOut((int) WAIT.toMillis());
        TestClients.connect(socket, endpoint.settings().managePort());
        return socket;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
