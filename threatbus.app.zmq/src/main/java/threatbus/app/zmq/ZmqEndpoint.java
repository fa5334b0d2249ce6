// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import threatbus.api.Bus;
import threatbus.api.Publishing;
import threatbus.api.message.Message;
import threatbus.api.net.Hosts;
import threatbus.app.zmq.Intake.Rejection;

/**
 * The three sockets of the zmq app and the threads that serve them: management (REP), intake from apps
 * (SUB, bound) and, for the publish socket, a housekeeping thread that follows the apps' subscriptions,
 * counts connections and expires silent apps. Frames to apps are sent by the bus's delivery threads.
 *
 * <p>All sockets are bound in the constructor, so that a port in use fails the start with a clear message;
 * each socket is then used by one thread only (the publish socket under its own lock).
 */
final class ZmqEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZmqEndpoint.class);
    private static final int POLL_MILLIS = 100;
    private static final int HOUSEKEEPING_MILLIS = 10;
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final ZmqSettings settings;
    private final Bus bus;
    private final ZContext context = new ZContext(1);
    private final Clients clients = new Clients();
    private final Intake intake = new Intake();
    private final ZapHandler zap;
    private final PubSocket pub;
    private final ZMQ.Socket rep;
    private final ZMQ.Socket sub;
    private final ZMQ.Socket subMonitor;
    private final FrameDecoder decoder;
    private final ManagementProtocol protocol;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong disconnections = new AtomicLong();
    private volatile boolean running = true;

    ZmqEndpoint(ZmqSettings settings, Bus bus) {
        this.settings = settings;
        this.bus = bus;
        this.decoder = new FrameDecoder(settings.maxFrameBytes());
        try {
            ZmqSecurity security = settings.security();
            // the handler must be bound before any socket that asks it
            zap = security.mechanism() == ZmqSecurity.Mechanism.NULL ? null : new ZapHandler(context, security);
            pub = new PubSocket(context, settings.endpoint(settings.pubPort()), settings.sendHwm(), security);
            rep = bind(SocketType.REP, settings.managePort(), "management");
            rep.setMaxMsgSize(MAX_REQUEST_BYTES);
            sub = context.createSocket(SocketType.SUB);
            security.serve(sub);
            // a hard bound on what one frame may allocate; frames between the limit and this are counted
            sub.setMaxMsgSize(2L * settings.maxFrameBytes());
            sub.setRcvHWM(settings.receiveHwm());
            sub.setLinger(0);
            sub.subscribe("stix2/".getBytes(ZMQ.CHARSET));
            sub.subscribe("threatbus/snapshotenvelope".getBytes(ZMQ.CHARSET));
            String monitor = "inproc://threatbus-zmq-sub-monitor-" + System.identityHashCode(this);
            sub.monitor(monitor, ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_DISCONNECTED);
            subMonitor = context.createSocket(SocketType.PAIR);
            subMonitor.connect(monitor);
            if (!sub.bind(settings.endpoint(settings.subPort()))) {
                throw new IllegalStateException("cannot bind the subscribe socket to "
                        + settings.endpoint(settings.subPort()));
            }
        } catch (RuntimeException e) {
            context.close();
            throw e instanceof ZMQException z ? new IllegalStateException("cannot open the zmq endpoints on "
                    + settings.host() + " (" + settings.managePort() + "/" + settings.pubPort() + "/"
                    + settings.subPort() + "): " + ZMQ.Error.findByCode(z.getErrorCode()).getMessage(), z) : e;
        }
        protocol = new ManagementProtocol(settings, bus, clients, pub);
    }

    private ZMQ.Socket bind(SocketType type, int port, String name) {
        ZMQ.Socket socket = context.createSocket(type);
        settings.security().serve(socket);
        socket.setLinger(0);
        if (!socket.bind(settings.endpoint(port))) {
            throw new IllegalStateException("cannot bind the " + name + " socket to " + settings.endpoint(port));
        }
        return socket;
    }

    void start() {
        if (zap != null) {
            zap.start();
        }
        start("threatbus-zmq-manage", this::serveManagement);
        start("threatbus-zmq-intake", this::serveIntake);
        start("threatbus-zmq-housekeeping", this::keepHouse);
        LOG.info("zmq app listening on {}: manage {}, pub {}, sub {}; security: {}", settings.host(),
                settings.managePort(), settings.pubPort(), settings.subPort(), settings.security().describe());
        if (!Hosts.isLoopback(settings.host()) && settings.security().mechanism() == ZmqSecurity.Mechanism.NULL) {
            LOG.warn("zmq app listens on {} without authentication: any host that reaches ports {}, {} and {} can "
                    + "publish intel to the bus and read it; set curve.secret_key (and curve.allowed_clients) or "
                    + "plain.users", settings.host(), settings.managePort(), settings.pubPort(), settings.subPort());
        }
    }

    private void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Handshakes the authentication handler admitted and refused; zeros without PLAIN or CURVE. */
    long[] authentications() {
        return zap == null ? new long[] {0, 0} : new long[] {zap.admitted(), zap.denied()};
    }

    Clients clients() {
        return clients;
    }

    Intake intake() {
        return intake;
    }

    ZmqSettings settings() {
        return settings;
    }

    long connections() {
        return connections.get();
    }

    long disconnections() {
        return disconnections.get();
    }

    List<String> appSubscriptions() {
        return pub.subscriptions();
    }

    private void serveManagement() {
        rep.setReceiveTimeOut(POLL_MILLIS);
        try {
            while (running) {
                byte[] request = rep.recv(0);
                if (request == null) {
                    continue;
                }
                boolean multipart = false;
                while (rep.hasReceiveMore()) {
                    rep.recv(0);
                    multipart = true;
                }
                rep.send(multipart ? ManagementProtocol.ERROR : protocol.handle(request), 0);
            }
        } catch (ZMQException e) {
            stopped("management", e);
        } finally {
            rep.close();
        }
    }

    private void serveIntake() {
        sub.setReceiveTimeOut(POLL_MILLIS);
        try {
            while (running) {
                byte[] frame = sub.recv(0);
                if (frame == null) {
                    continue;
                }
                intake.received();
                if (sub.hasReceiveMore()) {
                    while (sub.hasReceiveMore()) {
                        sub.recv(0);
                    }
                    intake.rejected(Rejection.MULTIPART, "first part of " + frame.length + " bytes");
                    continue;
                }
                FrameDecoder.Result result;
                try {
                    result = decoder.decode(frame);
                } catch (RuntimeException e) {
                    // a decoder bug must cost one frame, not the intake thread
                    LOG.error("zmq frame decoder failed on a frame of {} bytes; the frame is rejected", frame.length, e);
                    intake.rejected(Rejection.MALFORMED, "decoder failure: " + e);
                    continue;
                }
                if (result.message() == null) {
                    intake.rejected(result.rejection(), result.detail());
                    continue;
                }
                publish(result.message());
            }
        } catch (ZMQException e) {
            stopped("intake", e);
        } finally {
            sub.close();
        }
    }

    /**
     * Publishes, waiting while the bus is full: the intake stops reading, ZeroMQ's queues and then TCP hold
     * the apps' frames, and the apps' sockets slow down. Nothing an app sent is dropped for lack of room.
     */
    private void publish(Message message) {
        if (Publishing.untilAccepted(bus, message, () -> running, intake::waitedForBus)) {
            intake.published();
        }
    }

    private void keepHouse() {
        long timeoutNanos = settings.heartbeatTimeout().toNanos();
        long nextExpiry = System.nanoTime();
        try {
            while (running) {
                pub.readSubscriptions();
                ZMQ.Event event;
                while ((event = ZMQ.Event.recv(subMonitor, ZMQ.DONTWAIT)) != null) {
                    if (event.getEvent() == ZMQ.EVENT_ACCEPTED) {
                        connections.incrementAndGet();
                    } else if (event.getEvent() == ZMQ.EVENT_DISCONNECTED) {
                        disconnections.incrementAndGet();
                    }
                }
                if (timeoutNanos > 0 && System.nanoTime() - nextExpiry >= 0) {
                    clients.expireSilent(timeoutNanos);
                    nextExpiry = System.nanoTime() + Math.min(timeoutNanos / 4, 1_000_000_000L);
                }
                Thread.sleep(HOUSEKEEPING_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ZMQException e) {
            stopped("housekeeping", e);
        } finally {
            subMonitor.close();
        }
    }

    private void stopped(String what, ZMQException e) {
        if (running) {
            LOG.error("zmq {} stopped unexpectedly", what, e);
        }
    }

    @Override
    public void close() {
        running = false;
        clients.clear();
        // no interrupts: they would close JeroMQ's channels; the loops notice within their poll interval
        for (Thread thread : threads) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pub.close();
        if (zap != null) {
            zap.close();
        }
        context.close();
        LOG.info("zmq app stopped");
    }
}
