// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * ZeroMQ's authentication handler (ZAP, RFC 27) for the endpoint's context: ZeroMQ asks it about every
 * PLAIN or CURVE handshake on a socket with a ZAP domain, and admits the peer only on a {@code 200} reply.
 * Denials are counted; the first from each address is logged (never with the credentials).
 */
final class ZapHandler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZapHandler.class);
    private static final String ENDPOINT = "inproc://zeromq.zap.01";
    private static final int POLL_MILLIS = 100;
    private static final int MAX_LOGGED_ADDRESSES = 1_000;

    private final ZmqSecurity security;
    private final ZMQ.Socket socket;
    private final Thread thread;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong denied = new AtomicLong();
    private final Set<String> loggedAddresses = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    /** Binds the handler in {@code context}; must happen before the sockets it guards bind. */
    ZapHandler(ZContext context, ZmqSecurity security) {
        this.security = security;
        socket = context.createSocket(SocketType.REP);
        socket.setLinger(0);
        socket.setReceiveTimeOut(POLL_MILLIS);
        if (!socket.bind(ENDPOINT)) {
            throw new IllegalStateException("cannot bind ZeroMQ's authentication handler at " + ENDPOINT);
        }
        thread = new Thread(this::serve, "threatbus-zmq-auth");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long admitted() {
        return admitted.get();
    }

    long denied() {
        return denied.get();
    }

    private void serve() {
        try {
            while (running) {
                List<byte[]> request = receive();
                if (request != null) {
                    answer(request);
                }
            }
        } catch (ZMQException e) {
            if (running) {
                LOG.error("zmq authentication handler stopped unexpectedly; new connections will fail", e);
            }
        } finally {
            socket.close();
        }
    }

    private List<byte[]> receive() {
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    /** Request: version, request id, domain, address, identity, mechanism, credentials... */
    private void answer(List<byte[]> request) {
        byte[] requestId = request.size() > 1 ? request.get(1) : new byte[0];
        boolean ok = request.size() >= 6 && "1.0".equals(text(request.get(0)))
                && ZmqSecurity.ZAP_DOMAIN.equals(text(request.get(2))) && admits(request);
        String address = request.size() > 3 ? text(request.get(3)) : "?";
        String user = "";
        if (ok) {
            admitted.incrementAndGet();
            user = "PLAIN".equals(text(request.get(5))) ? text(request.get(6)) : "";
        } else {
            denied.incrementAndGet();
            if (loggedAddresses.size() < MAX_LOGGED_ADDRESSES && loggedAddresses.add(address)) {
                LOG.warn("zmq app refused a connection from {}: not an admitted {} client (further refusals from "
                        + "there are only counted, see threatbus:zmq)", address, security.mechanism());
            }
        }
        socket.sendMore("1.0");
        socket.sendMore(requestId);
        socket.sendMore(ok ? "200" : "400");
        socket.sendMore(ok ? "OK" : "not admitted");
        socket.sendMore(user);
        socket.send(new byte[0], 0);
    }

    private boolean admits(List<byte[]> request) {
        String mechanism = text(request.get(5));
        return switch (security.mechanism()) {
            case PLAIN -> "PLAIN".equals(mechanism) && request.size() == 8
                    && security.admitsUser(text(request.get(6)), text(request.get(7)));
            case CURVE -> "CURVE".equals(mechanism) && request.size() == 7 && request.get(6).length == 32
                    && security.admitsClient(request.get(6));
            case NULL -> false;
        };
    }

    private static String text(byte[] frame) {
        return new String(frame, ZMQ.CHARSET);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
