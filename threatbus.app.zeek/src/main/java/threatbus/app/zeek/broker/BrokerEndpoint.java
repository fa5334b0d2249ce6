// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening Broker endpoint that Zeek peers with ({@code Broker::peer}). Accepts any number of connections,
 * runs TLS and Broker's handshake for each on its own thread, and keeps the resulting {@link BrokerPeer}s.
 * The constructor only binds the socket and starts the accept thread.
 */
public final class BrokerEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerEndpoint.class);

    /** Handshakes under way at once; more connections are closed at once, so a flood cannot pile up threads. */
    static final int MAX_PENDING_HANDSHAKES = 256;

    private final BrokerEndpointConfig config;
    private final PeerHandler handler;
    private final EndpointId id = EndpointId.random();
    private final Transports transports;
    private final ServerSocket server;
    private final Thread acceptThread;
    private final ScheduledExecutorService timer;
    private final PeerRegistry registry = new PeerRegistry();
    private final Set<Socket> handshaking = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<RejectCause, AtomicLong> rejections = new EnumMap<>(RejectCause.class);
    private final AtomicLong connectionCount = new AtomicLong();
    private volatile boolean closed;

    /**
     * Binds {@code config.host():config.port()} and starts accepting.
     *
     * @throws IOException if the address cannot be bound, or the mutual-TLS files cannot be read
     */
    public BrokerEndpoint(BrokerEndpointConfig config, PeerHandler handler) throws IOException {
        this.config = config;
        this.handler = handler;
        for (RejectCause cause : RejectCause.values()) {
            rejections.put(cause, new AtomicLong());
        }
        try {
            this.transports = Transports.forServer(config.security());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up " + config.security().mode() + ": " + e.getMessage(), e);
        }
        this.server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(config.host(), config.port()), 128);
        } catch (IOException e) {
            Transport.closeQuietly(server);
            throw e;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "broker-timer-" + port()));
        this.acceptThread = daemon(this::acceptLoop, "broker-accept-" + port());
        acceptThread.start();
        LOG.info("Broker endpoint {} listening on {}:{} ({})", id, config.host(), port(), config.security().mode());
    }

    /** Our endpoint ID, random per instance like Broker's. */
    public EndpointId id() {
        return id;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Sets our subscriptions (topic prefixes). They go into every later handshake; if they changed, every
     * current peer gets a routing update with the complete new filter.
     */
    public void subscriptions(Set<String> topics) {
        registry.subscriptions(topics);
    }

    /** Our current subscriptions. */
    public Set<String> subscriptions() {
        return Set.copyOf(registry.filter());
    }

    /** Current peerings, in no particular order. */
    public List<BrokerPeer> peers() {
        return registry.peers();
    }

    /** Connections turned away before peering, by cause. */
    public Map<RejectCause, Long> rejections() {
        Map<RejectCause, Long> snapshot = new EnumMap<>(RejectCause.class);
        rejections.forEach((cause, count) -> snapshot.put(cause, count.get()));
        return snapshot;
    }

    /** Stops accepting and closes every connection; returns without waiting for peers to say goodbye. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Transport.closeQuietly(server);
        handshaking.forEach(Transport::closeQuietly);
        registry.peers().forEach(peer -> peer.close("endpoint closed"));
        timer.shutdownNow();
        try {
            acceptThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Broker endpoint {} on port {} closed", id, port());
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Broker endpoint stops accepting on port {}: {}", port(), e.getMessage());
                }
                return;
            }
            if (pending.incrementAndGet() > MAX_PENDING_HANDSHAKES) {
                pending.decrementAndGet();
                reject(RejectCause.OVERLOAD, socket.getRemoteSocketAddress().toString(), "too many handshakes");
                Transport.closeQuietly(socket);
                continue;
            }
            daemon(() -> serve(socket), "broker-connection-" + connectionCount.incrementAndGet()).start();
        }
    }

    /** Handshakes, then becomes the peer's reader thread. */
    private void serve(Socket socket) {
        BrokerPeer peer;
        try {
            peer = handshake(socket);
        } finally {
            pending.decrementAndGet();
        }
        if (peer != null) {
            peer.run();
        }
    }

    private BrokerPeer handshake(Socket socket) {
        String remote = address(socket);
        handshaking.add(socket);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = null;
        Transport transport = null;
        AcceptorHandshake handshake = null;
        BrokerPeer peer = null;
        try {
            deadline = timer.schedule(() -> {
                timedOut.set(true);
                Transport.closeQuietly(socket);
            }, config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (closed) {
                Transport.closeQuietly(socket);
            }
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            try {
                transport = transports.open(socket);
            } catch (IOException e) {
                reject(timedOut.get() ? RejectCause.TIMEOUT : RejectCause.TLS_FAILED, remote, e.getMessage());
                return null;
            }
            FrameReader reader = new FrameReader(transport.in(), config.maxFrameBytes());
            FrameWriter writer = new FrameWriter(transport.out());
            handshake = new AcceptorHandshake(id, reader, writer, registry::filter, registry::claim);
            try {
                AcceptorHandshake.Result result = handshake.run();
                deadline.cancel(false);
                if (timedOut.get()) {
                    throw new SocketException("handshake timed out");
                }
                peer = new BrokerPeer(id, result.remoteId(), result.remoteFilter(), remote, transport, reader,
                        writer, handler, config.writerQueueCapacity(), config.maxFrameBytes(), timer,
                        byeGrace(), registry::remove);
                if (closed || !registry.add(peer, result.announcedFilter())) {
                    peer = null;
                    throw new SocketException("endpoint closed");
                }
                LOG.info("Broker peer {} at {} connected over {} ({})", result.remoteId(), remote,
                        transport.protection(), result.weOriginated() ? "we originated" : "peer originated");
                return peer;
            } catch (BrokerProtocolException e) {
                sendDropConn(writer, e);
                reject(RejectCause.of(e.kind()), remote, e.getMessage());
            }
        } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
            RejectCause cause = closed ? RejectCause.SHUTTING_DOWN
                    : timedOut.get() ? RejectCause.TIMEOUT : RejectCause.DISCONNECTED;
            reject(cause, remote, e.getMessage());
        } finally {
            handshaking.remove(socket);
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (peer == null) {
                if (handshake != null && handshake.claimed() != null) {
                    registry.release(handshake.claimed());
                }
                if (transport != null) {
                    transport.close();
                }
                Transport.closeQuietly(socket);
            }
        }
        return null;
    }

    /** Broker answers undecodable and incompatible input with drop_conn before closing; the timeout bounds it. */
    private void sendDropConn(FrameWriter writer, BrokerProtocolException e) {
        e.dropCode().ifPresent(code -> {
            try {
                writer.write(HandshakeCodec.encode(new HandshakeMessage.DropConn(id, code, e.getMessage())));
                writer.flush();
            } catch (IOException ignored) {
                // The connection is going away anyway.
            }
        });
    }

    private void reject(RejectCause cause, String remote, String detail) {
        rejections.get(cause).incrementAndGet();
        LOG.debug("Rejected Broker connection from {}: {} ({})", remote, cause, detail);
    }

    private Duration byeGrace() {
        return config.handshakeTimeout();
    }

    private static String address(Socket socket) {
        InetSocketAddress a = (InetSocketAddress) socket.getRemoteSocketAddress();
        return a == null ? "unknown" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
