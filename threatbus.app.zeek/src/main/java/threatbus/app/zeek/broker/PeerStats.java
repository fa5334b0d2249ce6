// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

/**
 * A snapshot of one peering's counters. Frames and bytes count phase 3 only, length prefixes included.
 *
 * @param framesIn envelopes read
 * @param framesOut envelopes written
 * @param bytesIn bytes read
 * @param bytesOut bytes written
 * @param dataIn data envelopes handed to the handler
 * @param dataOut data envelopes written
 * @param pingsAnswered pings answered with a pong
 * @param pongsIgnored pongs received (we send no pings)
 * @param commandsIgnored data-store commands received and ignored
 * @param malformedIgnored envelopes that could not be decoded and were skipped, as Broker skips them
 * @param misaddressedIgnored data envelopes addressed to another endpoint (we do not forward)
 * @param queued messages waiting in the writer queue
 */
public record PeerStats(long framesIn, long framesOut, long bytesIn, long bytesOut, long dataIn, long dataOut,
        long pingsAnswered, long pongsIgnored, long commandsIgnored, long malformedIgnored, long misaddressedIgnored,
        int queued) {
}
