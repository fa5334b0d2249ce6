// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A zmq app as the wrapper apps of the original are written: a REQ socket per management request, a SUB
 * socket on the p2p topic, a PUB socket to the bus's sub port; single frames {@code "<topic> <json>"}.
 */
final class ZmqTestApp implements AutoCloseable {

    private static final ZContext CONTEXT = new ZContext();
    /**
     * JeroMQ 0.6 now and then connects without ever sending its greeting; only the handshake timer (30 s by
     * default) redoes such a connection, so it is short here, as in the load generator's {@code Sockets}.
     */
    private static final int HANDSHAKE_IVL_MS = 1_000;
    private static final Map<String, ZMQ.Socket> REQUESTERS = new HashMap<>();

    final String p2p;
    private final ZMQ.Socket sub;
    private final ZMQ.Socket pub;

    /** Subscribes through the management socket ({@code topicJson} is a JSON string or list). */
    ZmqTestApp(ZmqFixture bus, String topicJson, int snapshotDays) {
        String reply = request(bus.manageEndpoint(), "{\"action\": \"subscribe\", \"topic\": " + topicJson
                + ", \"snapshot\": " + snapshotDays + "}", 5_000);
        if (reply == null || !reply.contains("\"status\": \"success\"")) {
            throw new AssertionError("subscribe failed: " + reply);
        }
        p2p = reply.replaceAll(".*\"topic\": \"([a-z]{32})\".*", "$1");
        sub = CONTEXT.createSocket(SocketType.SUB);
        sub.setLinger(0);
        sub.setHandshakeIvl(HANDSHAKE_IVL_MS);
        sub.connect("tcp://127.0.0.1:" + bus.pub);
        sub.subscribe(p2p.getBytes(StandardCharsets.US_ASCII));
        pub = CONTEXT.createSocket(SocketType.PUB);
        pub.setLinger(0);
        pub.setSndHWM(1_000_000);
        pub.setHandshakeIvl(HANDSHAKE_IVL_MS);
        pub.connect("tcp://127.0.0.1:" + bus.sub);
    }

    /**
     * One management request; the reply, or null after {@code timeoutMillis}. One REQ socket per endpoint is
     * kept and reused: a JeroMQ client that opens a fresh REQ socket per request loses a request now and then
     * (about 1 in 1 500 here; a pyzmq client doing the same loses none), which would make these tests flaky.
     */
    static synchronized String request(String endpoint, String request, int timeoutMillis) {
        ZMQ.Socket req = REQUESTERS.computeIfAbsent(endpoint, e -> {
            ZMQ.Socket socket = CONTEXT.createSocket(SocketType.REQ);
            socket.setLinger(0);
            socket.setHandshakeIvl(HANDSHAKE_IVL_MS);
            socket.connect(e);
            return socket;
        });
        req.setReceiveTimeOut(timeoutMillis);
        req.send(request.getBytes(StandardCharsets.UTF_8), 0);
        byte[] reply = req.recv(0);
        if (reply == null) {
            // a REQ socket that missed its reply cannot send again
            CONTEXT.destroySocket(REQUESTERS.remove(endpoint));
            return null;
        }
        return new String(reply, StandardCharsets.UTF_8);
    }

    /** Sends one frame {@code "<topic> <json>"} to the bus. */
    void send(String topic, String json) {
        send((topic + " " + json).getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] frame) {
        pub.send(frame, 0);
    }

    /** The next frame for this app, or null after {@code timeoutMillis}. */
    String receive(int timeoutMillis) {
        sub.setReceiveTimeOut(timeoutMillis);
        byte[] frame = sub.recv(0);
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }

    /** Every frame that arrives until none came for {@code quietMillis}. */
    List<String> drain(int quietMillis) {
        List<String> frames = new ArrayList<>();
        String frame;
        while ((frame = receive(quietMillis)) != null) {
            frames.add(frame);
        }
        return frames;
    }

    /**
     * Sends marker indicators until one comes back, so that both directions are connected (ZeroMQ drops what
     * a PUB sends before its peer subscribed); then swallows the remaining markers.
     */
    void awaitConnected(String pattern) {
        awaitDeliveryTo(this, pattern);
    }

    /**
     * Sends marker indicators until {@code receiver}, subscribed to indicators, gets one, so that what this app
     * sends reaches the bus; the receiver then swallows the remaining markers.
     */
    void awaitDeliveryTo(ZmqTestApp receiver, String pattern) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            send("stix2/indicator", Indicators.json("marker", pattern));
            if (receiver.receive(100) != null) {
                receiver.drain(300);
                return;
            }
        }
        throw new AssertionError("no frame of this app reached the receiver");
    }

    @Override
    public void close() {
        CONTEXT.destroySocket(sub);
        CONTEXT.destroySocket(pub);
    }
}
