// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * Works around a JeroMQ 0.6 bug: when an XPUB send in no-drop mode fails because one subscriber's pipe is
 * full, the pipes it matched stay marked, so every later send also fails until that one subscriber catches
 * up. libzmq clears the marks before each send; JeroMQ only after a successful one. Clearing them after a
 * failed send restores per-subscriber isolation: one slow app no longer stalls the others.
 *
 * <p>If JeroMQ's internals change so that this cannot be applied, sends stay correct (nothing is dropped),
 * only the isolation is lost; that is logged once.
 */
final class StaleMatchReset {

    private static final Logger LOG = LoggerFactory.getLogger(StaleMatchReset.class);

    private final Field base;
    private final Field dist;
    private final Method unmatch;

    private StaleMatchReset(Field base, Field dist, Method unmatch) {
        this.base = base;
        this.dist = dist;
        this.unmatch = unmatch;
    }

    /** The reset for this JeroMQ version, or null when it cannot be applied. */
    static StaleMatchReset find() {
        try {
            Field base = ZMQ.Socket.class.getDeclaredField("base");
            base.setAccessible(true);
            Field dist = Class.forName("zmq.socket.pubsub.XPub", false, ZMQ.class.getClassLoader())
                    .getDeclaredField("dist");
            dist.setAccessible(true);
            Method unmatch = Class.forName("zmq.socket.pubsub.Dist", false, ZMQ.class.getClassLoader())
                    .getMethod("unmatch");
            return new StaleMatchReset(base, dist, unmatch);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot apply the JeroMQ XPUB workaround ({}): a slow app can delay the others", e.toString());
            return null;
        }
    }

    /** Clears the marks a failed send left on {@code xpub}. Call with the socket's lock held. */
    void apply(ZMQ.Socket xpub) {
        try {
            unmatch.invoke(dist.get(base.get(xpub)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("XPUB workaround failed", e);
        }
    }
}
