// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.List;

/** A point-in-time view of the bus, for the shell and for tests. */
public record BusStatus(
        List<BackboneRow> backbones,
        List<ApplicationRow> applications,
        InboxRow inbox,
        OutboxSettings outboxes,
        List<SubscriptionRow> subscriptions,
        List<TopicRow> topics,
        SnapshotRow snapshots) {

    /** One backbone; the first active one publishes. {@code state} is what it reports, empty if nothing. */
    public record BackboneRow(String name, int ranking, long serviceId, String bundle, boolean active,
            String state) {
    }

    /** One application. */
    public record ApplicationRow(String name, long serviceId, String bundle) {
    }

    /** The inbox: accepted messages not yet handed to a backbone. */
    public record InboxRow(int depth, int capacity, long publishTimeoutMillis, long rejected, long dispatchFailures) {
    }

    /** One subscription and its outbox. */
    public record SubscriptionRow(String id, String owner, List<String> topics, int queued, long delivered,
            long dropped, long failed) {
    }

    /** Message counts of one topic: accepted into the inbox, delivered to subscribers, dropped from outboxes. */
    public record TopicRow(String topic, long in, long out, long dropped) {
    }

    /** Snapshot bookkeeping. */
    public record SnapshotRow(int pending, long itemsDelivered, long duplicateItems, long unmatchedEnvelopes,
            long expired) {
    }
}
