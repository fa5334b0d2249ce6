// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import threatbus.app.misp.feed.FeedCounters.Problem;

/**
 * Follows the connection to MISP's publisher through the SUB socket's monitor events, and says when the
 * feed must reconnect by itself.
 *
 * <p>ZeroMQ reconnects after a lost connection, but gives up for good after a failed handshake: refused
 * credentials, or a MISP that wants credentials we do not send (it just closes the connection). MISP's
 * admin may fix that at any time, so the feed then retries itself, backing off.
 */
final class ZmqLink {

    /**
     * The monitor events to ask for. The connect events are not needed, but with JeroMQ 0.6.0 the feed's
     * monitor reported no handshake events at all without them (seen in ZmqFeedTest, not understood).
     */
    static final int EVENTS = ZMQ.EVENT_HANDSHAKE_PROTOCOL | ZMQ.EVENT_DISCONNECTED | ZMQ.HANDSHAKE_FAILED_AUTH
            | ZMQ.HANDSHAKE_FAILED_PROTOCOL | ZMQ.HANDSHAKE_FAILED_NO_DETAIL | ZMQ.EVENT_CONNECTED
            | ZMQ.EVENT_CONNECT_DELAYED;

    private static final Logger LOG = LoggerFactory.getLogger(ZmqLink.class);
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private enum State {
        CONNECTING, GREETED, FAILED
    }

    private final ZmqFeedSettings settings;
    private final FeedCounters counters;
    private State state = State.CONNECTING;
    private boolean failing;
    private long retryMillis = FIRST_RETRY_MILLIS;
    private long retryAt = Long.MAX_VALUE;

    ZmqLink(ZmqFeedSettings settings, FeedCounters counters) {
        this.settings = settings;
        this.counters = counters;
    }

    void onEvent(ZMQ.Event event, long nowMillis) {
        switch (event.getEvent()) {
            // the ZMTP greeting is done; PLAIN credentials are checked right after it
            case ZMQ.EVENT_HANDSHAKE_PROTOCOL -> {
                state = State.GREETED;
                counters.connected(true);
                if (failing) {
                    LOG.debug("MISP ZeroMQ feed connected to {} again", settings.endpoint());
                } else {
                    LOG.info("MISP ZeroMQ feed connected to {}", settings.endpoint());
                }
            }
            case ZMQ.HANDSHAKE_FAILED_AUTH -> failed(nowMillis, "MISP refused "
                    + (settings.authenticates() ? "the credentials of user " + settings.username()
                            : "a connection without credentials")
                    + " (ZAP status " + event.getValue() + "); check zmq.username and zmq.password against MISP's "
                    + "ZeroMQ_username and ZeroMQ_password");
            case ZMQ.HANDSHAKE_FAILED_PROTOCOL, ZMQ.HANDSHAKE_FAILED_NO_DETAIL -> failed(nowMillis,
                    "the ZeroMQ handshake failed (" + event.getValue() + "); is this MISP's ZeroMQ publisher?");
            case ZMQ.EVENT_DISCONNECTED -> {
                if (state == State.GREETED) {
                    LOG.warn("MISP ZeroMQ feed lost {}; reconnecting", settings.endpoint());
                } else if (state == State.CONNECTING) {
                    failed(nowMillis, "the connection ended during the ZeroMQ handshake (closed by MISP, or no "
                            + "answer in time)" + (settings.authenticates() ? ""
                                    : "; does MISP require a username and password (zmq.username/zmq.password)?"));
                }
                state = State.CONNECTING;
                counters.connected(false);
            }
            default -> LOG.trace("ZeroMQ event {} on {}", event.getEvent(), settings.endpoint());
        }
    }

    private void failed(long nowMillis, String why) {
        state = State.FAILED;
        failing = true;
        counters.connected(false);
        counters.problem(Problem.SOURCE_ERROR, why + "; retrying every " + retryMillis / 1000 + " s at most "
                + MAX_RETRY_MILLIS / 1000 + " s");
        retryAt = nowMillis + retryMillis;
        retryMillis = Math.min(2 * retryMillis, MAX_RETRY_MILLIS);
    }

    /** A frame arrived: the connection works, so the next failure starts the back-off afresh. */
    void frameReceived() {
        failing = false;
        retryMillis = FIRST_RETRY_MILLIS;
    }

    /** @return whether the feed should connect anew now; it must then call {@link #reconnecting()} */
    boolean retryDue(long nowMillis) {
        return nowMillis >= retryAt;
    }

    void reconnecting() {
        retryAt = Long.MAX_VALUE;
        state = State.CONNECTING;
    }
}
