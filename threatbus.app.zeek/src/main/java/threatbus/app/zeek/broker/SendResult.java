// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

/** What {@link BrokerPeer#send} did with a message; it never blocks, so the caller decides whether to retry. */
public enum SendResult {
    /** In the writer queue. */
    QUEUED,
    /** The peer's filter does not match the topic; Broker would not forward it either. */
    NOT_SUBSCRIBED,
    /** The writer queue is full: the peer reads slower than we publish. */
    QUEUE_FULL,
    /** The peering has ended. */
    CLOSED
}
