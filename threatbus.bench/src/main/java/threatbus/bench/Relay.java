// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The least any ZeroMQ-based bus must do: bind the three endpoints, answer the manage socket, and
 * copy every frame from the SUB socket to the PUB socket once per matching subscription, as
 * {@code <p2p><type> <json>}, without looking into the JSON. What it achieves is the ceiling for
 * a real bus on the same machine. One thread does everything, so no locking is needed.
 */
final class Relay implements Runnable {
    /** Frames taken from the SUB socket per poll, so that polling costs little per frame. */
    private static final int BATCH = 4096;
    private static final int POLL_MS = 100;

    private final RelayConfig config;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile RuntimeException bindFailure;
    private volatile int managePort;
    private volatile int pubPort;
    private volatile int subPort;
    private volatile int subscriptions;

    private final RelayRoutes routes = new RelayRoutes();
    private long framesIn;
    private long framesOut;
    private long malformed;

    Relay(RelayConfig config) {
        this.config = config;
    }

    @Override
    public void run() {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket manage = context.createSocket(SocketType.REP);
            ZMQ.Socket pub = context.createSocket(SocketType.PUB);
            ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            for (ZMQ.Socket s : new ZMQ.Socket[] {manage, pub, sub}) {
                s.setLinger(0);
                s.setSndHWM(config.hwm());
                s.setRcvHWM(config.hwm());
            }
            try {
                managePort = bind(manage, config.managePort());
                pubPort = bind(pub, config.pubPort());
                subPort = bind(sub, config.subPort());
            } catch (ZMQException e) {
                bindFailure = new IllegalStateException("cannot bind on " + config.host() + ": "
                        + zmq.ZError.toString(e.getErrorCode()), e);
                return;
            } catch (RuntimeException e) {
                bindFailure = new IllegalStateException("cannot bind on " + config.host() + ": " + e.getMessage(), e);
                return;
            }
            sub.subscribe("stix2/".getBytes(StandardCharsets.US_ASCII));
            RelayManager manager = new RelayManager(routes, pubPort, subPort);
            ready.countDown();
            loop(context, manage, pub, sub, manager);
        } finally {
            ready.countDown();
        }
    }

    private void loop(ZContext context, ZMQ.Socket manage, ZMQ.Socket pub, ZMQ.Socket sub, RelayManager manager) {
        ZMQ.Poller poller = context.createPoller(2);
        poller.register(manage, ZMQ.Poller.POLLIN);
        poller.register(sub, ZMQ.Poller.POLLIN);
        while (!stopping) {
            if (poller.poll(POLL_MS) <= 0) {
                continue;
            }
            if (poller.pollin(0)) {
                byte[] request;
                // REP: every recv is answered before the next one
                while ((request = manage.recv(ZMQ.DONTWAIT)) != null) {
                    String reply = manager.handle(new String(request, StandardCharsets.UTF_8));
                    manage.send(reply.getBytes(StandardCharsets.UTF_8), 0);
                }
                subscriptions = routes.routes().length;
            }
            if (poller.pollin(1)) {
                byte[] frame;
                for (int i = 0; i < BATCH && (frame = sub.recv(ZMQ.DONTWAIT)) != null; i++) {
                    forward(pub, frame);
                }
            }
        }
        poller.close();
    }

    /** Splits at the first space; the type is the topic after its last '/'. */
    private void forward(ZMQ.Socket pub, byte[] frame) {
        framesIn++;
        int space = NameScanner.topicEnd(frame);
        if (space < 0) {
            malformed++;
            return;
        }
        int typeStart = 0;
        for (int i = space - 1; i >= 0; i--) {
            if (frame[i] == '/') {
                typeStart = i + 1;
                break;
            }
        }
        int typeAndRest = frame.length - typeStart;
        for (RelayRoutes.Route route : routes.routes()) {
            if (route.matches(frame, space)) {
                byte[] p2p = route.p2pBytes();
                byte[] out = new byte[p2p.length + typeAndRest];
                System.arraycopy(p2p, 0, out, 0, p2p.length);
                System.arraycopy(frame, typeStart, out, p2p.length, typeAndRest);
                pub.send(out, 0);
                framesOut++;
            }
        }
    }

    /** Binds and returns the port, which is the one the system chose when asked for 0. */
    private int bind(ZMQ.Socket socket, int port) {
        String address = "tcp://" + config.host() + ":" + (port == 0 ? "*" : Integer.toString(port));
        if (!socket.bind(address)) {
            throw new ZMQException("cannot bind " + address, socket.errno());
        }
        String bound = socket.getLastEndpoint();
        return Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1));
    }

    /** Waits until the sockets are bound; throws if binding failed. */
    void awaitReady() throws InterruptedException, BenchException {
        ready.await();
        if (bindFailure != null) {
            throw new BenchException(bindFailure.getMessage());
        }
    }

    void stop() {
        stopping = true;
    }

    int managePort() {
        return managePort;
    }

    int pubPort() {
        return pubPort;
    }

    int subPort() {
        return subPort;
    }

    /** Current number of subscriptions. */
    int subscriptions() {
        return subscriptions;
    }

    /** Counters for the closing line; read them after {@link #run} returned. */
    String summary() {
        return "relayed " + framesIn + " frames in, " + framesOut + " out, " + malformed + " malformed; "
                + subscriptions + " subscriptions open";
    }
}
