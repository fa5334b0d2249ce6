// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

/** A source of MISP attribute notifications: MISP's ZeroMQ publisher or a Kafka topic. */
public interface MispFeed extends AutoCloseable {

    /** Starts the feed's thread; connecting and reconnecting happen there. At most once. */
    void start();

    /** A consistent-enough snapshot of the counters; cheap, callable from any thread. */
    FeedStats stats();

    /** Stops the feed's thread and releases its sockets, promptly; idempotent. */
    @Override
    void close();
}
