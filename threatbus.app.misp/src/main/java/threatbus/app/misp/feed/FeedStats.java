// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

/**
 * What a feed has seen since it started.
 *
 * @param connected     whether the feed is connected now (ZeroMQ: handshake with MISP's publisher done;
 *                      Kafka: partitions assigned to this consumer)
 * @param received      messages read from the source, whatever became of them
 * @param delivered     documents the handler returned from normally
 * @param skippedTopic  ZeroMQ frames of a topic that only starts with {@code misp_json_attribute}
 * @param malformed     messages that carry no document: a frame without a space, a multi-part message, an
 *                      empty document, a Kafka record without a value
 * @param handlerErrors documents the handler threw on
 * @param sourceErrors  failures of the source itself: refused credentials, failed handshakes, Kafka errors
 */
public record FeedStats(boolean connected, long received, long delivered, long skippedTopic, long malformed,
        long handlerErrors, long sourceErrors) {
}
