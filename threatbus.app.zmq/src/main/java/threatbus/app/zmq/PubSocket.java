// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The socket apps receive from (the original's PUB). It is an XPUB in no-drop mode with a small per-app
 * high-water mark: when an app does not keep up, the send fails instead of ZeroMQ silently dropping, and the
 * caller waits, so that messages pile up in the bus's outbox for that subscription where the bus's overflow
 * policy and counters apply. The XPUB also tells which topic prefixes apps subscribed to: frames for a p2p
 * topic nobody subscribed yet are held back instead of being lost to ZeroMQ's slow-joiner problem.
 *
 * <p>ZeroMQ sockets are not thread-safe; every use goes through {@link #lock}, which also gives the memory
 * barrier ZeroMQ requires when a socket is used from several threads.
 */
final class PubSocket implements FrameSink, AutoCloseable {

    private final Object lock = new Object();
    private final ZMQ.Socket socket;
    private final StaleMatchReset reset = StaleMatchReset.find();
    /** Prefixes apps subscribed to, as the XPUB reports them; replaced as a whole on every change. */
    private volatile Subscriptions subscriptions = new Subscriptions(List.of());

    PubSocket(ZContext context, String endpoint, int sendHwm, ZmqSecurity security) {
        socket = context.createSocket(SocketType.XPUB);
        security.serve(socket);
        socket.setXpubNoDrop(true);
        socket.setSndHWM(sendHwm);
        socket.setLinger(0);
        if (!socket.bind(endpoint)) {
            context.destroySocket(socket);
            throw new IllegalStateException("cannot bind the publish socket to " + endpoint);
        }
    }

    /** Whether some app subscribed to a prefix of {@code topic}. */
    @Override
    public boolean wanted(String topic) {
        return subscriptions.wanted(topic);
    }

    /** Sends one frame without waiting; false if the receiving app's queue is full. */
    @Override
    public boolean trySend(byte[] frame) {
        synchronized (lock) {
            if (socket.send(frame, ZMQ.DONTWAIT)) {
                return true;
            }
            if (reset != null) {
                reset.apply(socket);
            }
            return false;
        }
    }

    /**
     * Reads the subscribe/unsubscribe notifications apps caused. Returns true if the set changed. Also lets
     * ZeroMQ process pending connection commands, so call it regularly.
     */
    boolean readSubscriptions() {
        List<byte[]> events = new ArrayList<>();
        synchronized (lock) {
            byte[] event;
            while ((event = socket.recv(ZMQ.DONTWAIT)) != null) {
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return false;
        }
        List<String> prefixes = new ArrayList<>(subscriptions.prefixes);
        for (byte[] event : events) {
            if (event.length == 0) {
                continue;
            }
            String prefix = new String(event, 1, event.length - 1, StandardCharsets.ISO_8859_1);
            if (event[0] == 1) {
                prefixes.add(prefix);
            } else if (event[0] == 0) {
                prefixes.remove(prefix);
            }
        }
        subscriptions = new Subscriptions(List.copyOf(prefixes));
        return true;
    }

    /** The prefixes apps are subscribed to right now. */
    List<String> subscriptions() {
        return subscriptions.prefixes;
    }

    @Override
    public void close() {
        synchronized (lock) {
            socket.close();
        }
    }

    /** An immutable set of subscribed prefixes with a cache of the topics asked about. */
    private static final class Subscriptions {
        final List<String> prefixes;
        private final Map<String, Boolean> wanted = new ConcurrentHashMap<>();

        Subscriptions(List<String> prefixes) {
            this.prefixes = prefixes;
        }

        boolean wanted(String topic) {
            return wanted.computeIfAbsent(topic, t -> prefixes.stream().anyMatch(t::startsWith));
        }
    }
}
