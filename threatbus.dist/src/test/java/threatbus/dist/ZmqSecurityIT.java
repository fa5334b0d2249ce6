// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The zmq app with CURVE in a real Felix: JeroMQ's optional NaCl bundle is wired, an admitted client
 * subscribes, publishes and receives through the bus encrypted, and a client without keys is refused.
 */
public class ZmqSecurityIT extends BusInFelix {

    @Test
    public void anAdmittedCurveClientSubscribesAndGetsIntelWhileAClientWithoutKeysIsRefused() throws Exception {
        ZMQ.Curve.KeyPair bus = ZMQ.Curve.generateKeyPair();
        ZMQ.Curve.KeyPair app = ZMQ.Curve.generateKeyPair();
        int[] ports = ZmqFixture.freePorts(3);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("manage", ports[0]);
        properties.put("pub", ports[1]);
        properties.put("sub", ports[2]);
        properties.put("curve.secret_key", bus.secretKey);
        properties.put("curve.allowed_clients", new String[] {app.publicKey});
        configurationAdmin.getConfiguration("threatbus.app.zmq", "?").update(properties);
        Bundles.start(context, "threatbus.app.zmq");
        Await.until("the zmq app runs with CURVE",
                () -> shell("threatbus:zmq").contains("CURVE, server key " + bus.publicKey));

        try (ZContext zmq = new ZContext()) {
            ZMQ.Socket manage = curve(zmq.createSocket(SocketType.REQ), app, bus.publicKey);
            manage.connect("tcp://127.0.0.1:" + ports[0]);
            manage.send("{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\", \"snapshot\": 0}");
            String reply = manage.recvStr();
            assertTrue(reply, reply != null && reply.contains("\"status\": \"success\""));
            String p2p = reply.replaceAll(".*\"topic\": \"([a-z]{32})\".*", "$1");

            ZMQ.Socket in = curve(zmq.createSocket(SocketType.SUB), app, bus.publicKey);
            in.connect("tcp://127.0.0.1:" + ports[1]);
            in.subscribe(p2p.getBytes(StandardCharsets.US_ASCII));
            in.setReceiveTimeOut(100);
            ZMQ.Socket out = curve(zmq.createSocket(SocketType.PUB), app, bus.publicKey);
            out.connect("tcp://127.0.0.1:" + ports[2]);
            String indicator = Indicators.json("curve", "[ipv4-addr:value = '6.6.6.6']");
            String received = null;
            long deadline = System.currentTimeMillis() + 20_000;
            // PUB and SUB drop what passes before their handshakes: repeat until the round trip works
            while (received == null && System.currentTimeMillis() < deadline) {
                out.send("stix2/indicator " + indicator);
                received = in.recvStr();
            }
            assertEquals(p2p + "indicator " + indicator, received);

            ZMQ.Socket stranger = zmq.createSocket(SocketType.REQ);
            stranger.setLinger(0);
            stranger.setReceiveTimeOut(1_000);
            stranger.connect("tcp://127.0.0.1:" + ports[0]);
            stranger.send("{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\", \"snapshot\": 0}");
            assertNull("a client without CURVE gets no answer", stranger.recvStr());
            String status = shell("threatbus:zmq");
            assertTrue(status, status.matches("(?s).*Security: CURVE.*[1-9][0-9]* handshakes admitted.*"));
            assertTrue(status, !status.contains(bus.secretKey));
        }
    }

    private static ZMQ.Socket curve(ZMQ.Socket socket, ZMQ.Curve.KeyPair client, String serverKey) {
        socket.setLinger(0);
        // JeroMQ 0.6's client side of an authenticated handshake can stall (libzmq clients do not): reconnect
        socket.setHandshakeIvl(500);
        socket.setReceiveTimeOut(10_000);
        socket.setCurvePublicKey(ZMQ.Curve.z85Decode(client.publicKey));
        socket.setCurveSecretKey(ZMQ.Curve.z85Decode(client.secretKey));
        socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverKey));
        return socket;
    }
}
