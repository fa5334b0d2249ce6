// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import threatbus.app.misp.feed.FeedCounters.Problem;

/**
 * MISP's ZeroMQ publisher: a SUB socket connects to its PUB, subscribes to {@code misp_json_attribute} and
 * hands the JSON of each attribute frame to the handler.
 *
 * <p>ZeroMQ reconnects by itself when MISP restarts; after a failed handshake {@link ZmqLink} has the feed
 * retry. The socket lives on the feed's thread only.
 */
public final class ZmqFeed implements MispFeed {

    private static final int HANDSHAKE_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(ZmqFeed.class);
    private static final int POLL_MILLIS = 100;
    // back off to at most this between reconnection attempts while MISP is away
    private static final int RECONNECT_MAX_MILLIS = 5_000;
    // ZMTP heartbeats notice a MISP host that vanished without closing the connection
    private static final int HEARTBEAT_MILLIS = 10_000;
    private static final int HEARTBEAT_TIMEOUT_MILLIS = 30_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    private final ZmqFeedSettings settings;
    private final FeedCounters counters;
    private final Delivery delivery;
    private final FeedThread thread;
    private final ZmqLink link;
    private final ZContext context;
    private volatile boolean closed;

    public ZmqFeed(ZmqFeedSettings settings, FeedHandler handler) {
        this(settings, handler, new ZContext(1));
    }

    /**
     * With sockets in a shadow of the given context, for tests: JeroMQ 0.6.0 stalled a few percent of
     * loopback connections here between sockets of two contexts in one JVM, never within one context.
     */
    static ZmqFeed sharingContext(ZmqFeedSettings settings, FeedHandler handler, ZContext shared) {
        return new ZmqFeed(settings, handler, ZContext.shadow(shared));
    }

    private ZmqFeed(ZmqFeedSettings settings, FeedHandler handler, ZContext context) {
        this.context = context;
        this.settings = settings;
        this.counters = new FeedCounters("MISP ZeroMQ feed " + settings.endpoint());
        this.delivery = new Delivery(handler, counters);
        this.thread = new FeedThread("threatbus-misp-zmq", this::run);
        this.link = new ZmqLink(settings, counters);
    }

    @Override
    public void start() {
        if (closed) {
            throw new IllegalStateException("the MISP ZeroMQ feed is closed");
        }
        thread.start();
    }

    @Override
    public FeedStats stats() {
        return counters.snapshot();
    }

    private void run() {
        ZMQ.Socket sub = null;
        ZMQ.Socket events = null;
        ZMQ.Poller poller = null;
        try {
            sub = context.createSocket(SocketType.SUB);
            sub.setLinger(0);
            sub.setReconnectIVLMax(RECONNECT_MAX_MILLIS);
            sub.setHeartbeatIvl(HEARTBEAT_MILLIS);
            sub.setHeartbeatTimeout(HEARTBEAT_TIMEOUT_MILLIS);
            // JeroMQ 0.6's client side of a handshake stalls now and then (about 1 in 70 connections between two
            // JeroMQ contexts, with or without credentials); a handshake that takes longer is dropped and retried
            sub.setHandshakeIvl(HANDSHAKE_MILLIS);
            if (settings.authenticates()) {
                sub.setPlainUsername(settings.username());
                sub.setPlainPassword(settings.password());
            }
            String monitor = "inproc://threatbus-misp-zmq-monitor-" + System.identityHashCode(this);
            sub.monitor(monitor, ZmqLink.EVENTS);
            events = context.createSocket(SocketType.PAIR);
            events.connect(monitor);
            sub.subscribe(AttributeFrame.TOPIC.getBytes(ZMQ.CHARSET));
            sub.connect(settings.endpoint());
            LOG.info("MISP ZeroMQ feed connecting to {}{}", settings.endpoint(),
                    settings.authenticates() ? " as " + settings.username() : "");
            poller = context.createPoller(1);
            int subIndex = poller.register(sub, ZMQ.Poller.POLLIN);
            while (!thread.stopping()) {
                if (poller.poll(POLL_MILLIS) < 0) {
                    break;
                }
                if (poller.pollin(subIndex)) {
                    readFrame(sub);
                }
                // not polled: JeroMQ's poller does not reliably wake up for the monitor's inproc pair
                readEvents(events);
                retryIfDue(sub);
            }
        } catch (ZMQException | IllegalStateException e) {
            if (!thread.stopping()) {
                LOG.error("MISP ZeroMQ feed {} stopped unexpectedly", settings.endpoint(), e);
            }
        } finally {
            counters.connected(false);
            if (poller != null) {
                poller.close();
            }
            if (events != null) {
                context.destroySocket(events);
            }
            if (sub != null) {
                context.destroySocket(sub);
            }
        }
    }

    private void readFrame(ZMQ.Socket sub) {
        byte[] frame = sub.recv(ZMQ.DONTWAIT);
        if (frame == null) {
            return;
        }
        counters.received();
        link.frameReceived();
        if (sub.hasReceiveMore()) {
            int parts = 1;
            while (sub.hasReceiveMore()) {
                sub.recv(0);
                parts++;
            }
            counters.problem(Problem.MALFORMED, "skipped a multi-part message of " + parts
                    + " parts (MISP sends single frames)");
            return;
        }
        AttributeFrame parsed = AttributeFrame.parse(frame);
        switch (parsed.kind()) {
            case ATTRIBUTE -> {
                delivery.deliver(parsed.json());
                // a stray interrupt from the handler would close JeroMQ's channels; only close() may stop us
                if (!thread.stopping()) {
                    Thread.interrupted();
                }
            }
            case OTHER_TOPIC -> counters.problem(Problem.SKIPPED_TOPIC, "skipped a frame of topic \""
                    + parsed.topic() + "\" (only " + AttributeFrame.TOPIC + " is read)");
            case NO_SPACE -> counters.problem(Problem.MALFORMED, "skipped a frame of " + frame.length
                    + " bytes without a space between topic and JSON");
            case EMPTY -> counters.problem(Problem.MALFORMED, "skipped an attribute frame without a document");
        }
    }

    private void readEvents(ZMQ.Socket events) {
        ZMQ.Event event;
        while ((event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null) {
            link.onEvent(event, System.currentTimeMillis());
        }
    }

    private void retryIfDue(ZMQ.Socket sub) {
        if (!link.retryDue(System.currentTimeMillis())) {
            return;
        }
        link.reconnecting();
        try {
            sub.disconnect(settings.endpoint());
        } catch (ZMQException e) {
            // ZeroMQ already dropped the endpoint after the failed handshake
        }
        sub.connect(settings.endpoint());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // the loop notices the flag within its poll interval; no wake-up needed
        thread.stop(() -> { }, delivery::inHandler, CLOSE_TIMEOUT);
        context.close();
        LOG.info("MISP ZeroMQ feed {} closed", settings.endpoint());
    }
}
