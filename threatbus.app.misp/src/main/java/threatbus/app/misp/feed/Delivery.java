// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import threatbus.app.misp.feed.FeedCounters.Problem;

/**
 * Hands documents to the handler on the feed's thread and counts the outcome. It also tells a closing feed
 * whether its thread is inside the handler: only then is the thread interrupted, never while it is inside
 * JeroMQ or the Kafka client, whose channels an interrupt would break.
 */
final class Delivery {

    private final FeedHandler handler;
    private final FeedCounters counters;
    private volatile boolean inHandler;

    Delivery(FeedHandler handler, FeedCounters counters) {
        this.handler = handler;
        this.counters = counters;
    }

    /** @return whether the handler returned normally */
    boolean deliver(byte[] json) {
        inHandler = true;
        try {
            handler.onMessage(json);
            counters.delivered();
            return true;
        } catch (RuntimeException e) {
            counters.problem(Problem.HANDLER_ERROR, "the handler failed on a document of " + json.length
                    + " bytes; going on with the next", e);
            return false;
        } finally {
            inHandler = false;
        }
    }

    boolean inHandler() {
        return inHandler;
    }
}
