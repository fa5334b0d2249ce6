// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

/**
 * Receives the raw JSON documents of a MISP feed, one at a time, on the feed's own thread.
 *
 * <p>It may block: the feed reads nothing more while it does, so a slow consumer slows MISP's feed down
 * (ZeroMQ's queue fills, Kafka simply lags) instead of losing documents in between. When the feed is
 * closed while the handler blocks, the feed's thread is interrupted after a short grace period.
 *
 * <p>A handler that throws has the document counted as a handler error; the feed goes on with the next.
 */
@FunctionalInterface
public interface FeedHandler {

    /** One JSON document as MISP sent it (UTF-8), without ZeroMQ's topic prefix. */
    void onMessage(byte[] json);
}
