// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The client side of the manage endpoint, as the original zmq apps do it: a fresh REQ socket per
 * request (a REQ socket that missed a reply is stuck), LINGER 0, and no reply within the timeout
 * counts as failure.
 */
final class ManageClient {
    /** What a successful subscribe hands out. */
    record Subscription(String p2p, int pubPort, int subPort) {
    }

    private final ZContext context;
    private final Endpoint endpoint;
    private final Duration timeout;

    ManageClient(ZContext context, Endpoint endpoint, Duration timeout) {
        this.context = context;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    Subscription subscribe(String topic) throws BenchException {
        Map<String, Object> reply = request("{\"action\": \"subscribe\", \"topic\": " + Json.quote(topic)
                + ", \"snapshot\": 0}");
        if (!"success".equals(reply.get("status"))) {
            throw new BenchException("subscribe to " + topic + " at " + endpoint + " failed: " + reply);
        }
        if (!(reply.get("topic") instanceof String p2p) || p2p.isEmpty()
                || !(reply.get("pub_port") instanceof Long pub) || !(reply.get("sub_port") instanceof Long sub)) {
            throw new BenchException("subscribe reply from " + endpoint + " lacks topic, pub_port or sub_port: " + reply);
        }
        return new Subscription(p2p, pub.intValue(), sub.intValue());
    }

    boolean heartbeat(String p2p) throws BenchException {
        return "success".equals(request("{\"action\": \"heartbeat\", \"topic\": " + Json.quote(p2p) + "}").get("status"));
    }

    boolean unsubscribe(String p2p) throws BenchException {
        return "success".equals(request("{\"action\": \"unsubscribe\", \"topic\": " + Json.quote(p2p) + "}").get("status"));
    }

    /** Sends one request and returns the reply object. */
    Map<String, Object> request(String json) throws BenchException {
        ZMQ.Socket socket = context.createSocket(SocketType.REQ);
        try {
            socket.setLinger(0);
            socket.setReceiveTimeOut((int) timeout.toMillis());
            socket.setSendTimeOut((int) timeout.toMillis());
            try {
                Sockets.connect(socket, endpoint);
            } catch (ZMQException e) {
                throw new BenchException("cannot connect to " + endpoint + ": " + e.getMessage());
            }
            if (!socket.send(json.getBytes(StandardCharsets.UTF_8))) {
                throw new BenchException("could not send to " + endpoint);
            }
            byte[] reply = socket.recv();
            if (reply == null) {
                throw new BenchException("no reply from " + endpoint + " within " + timeout.toMillis() + " ms");
            }
            String text = new String(reply, StandardCharsets.UTF_8);
            try {
                if (Json.parse(text) instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) map;
                    return object;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new BenchException("reply from " + endpoint + " is not a JSON object: " + text);
        } finally {
            socket.close();
        }
    }
}
