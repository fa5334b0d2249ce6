// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

/** What an outbox does with a new message when it is full. Every dropped message is counted. */
public enum OverflowPolicy {
    /** Drop the oldest queued message to make room (the subscriber gets the freshest data). */
    DROP_OLDEST,
    /** Drop the new message. */
    DROP_NEWEST,
    /**
     * Make the delivering backbone wait up to {@code outbox.block.ms} for room, then drop the new message.
     * Lossless for short bursts, at the price of slowing delivery to everyone while it waits.
     */
    BLOCK
}
