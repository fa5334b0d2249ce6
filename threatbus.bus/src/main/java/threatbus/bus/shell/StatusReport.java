// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.shell;

import threatbus.bus.impl.BusStatus;

/** Renders {@link BusStatus} for people. */
final class StatusReport {

    private StatusReport() {
    }

    static String render(BusStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("Backbones\n");
        Table backbones = new Table("NAME", "STATE", "RANKING#", "SERVICE#", "BUNDLE");
        status.backbones().forEach(b -> backbones.row(b.name(), state(b), b.ranking(),
                b.serviceId(), b.bundle()));
        backbones.appendTo(out);
        if (status.backbones().isEmpty()) {
            out.append("  no backbone: accepted messages wait in the inbox\n");
        }

        out.append("\nApplications\n");
        Table applications = new Table("NAME", "SERVICE#", "BUNDLE");
        status.applications().forEach(a -> applications.row(a.name(), a.serviceId(), a.bundle()));
        applications.appendTo(out);

        BusStatus.InboxRow inbox = status.inbox();
        out.append("\nInbox\n")
                .append("  ").append(inbox.depth()).append(" of ").append(inbox.capacity()).append(" messages queued, ")
                .append("publish timeout ").append(inbox.publishTimeoutMillis()).append(" ms, ")
                .append(inbox.rejected()).append(" rejected, ")
                .append(inbox.dispatchFailures()).append(" given up by a failing backbone\n");

        out.append("\nSubscriptions (outboxes hold ").append(status.outboxes().capacity()).append(" messages, ")
                .append("overflow ").append(status.outboxes().policy()).append(")\n");
        Table subscriptions = new Table("ID", "OWNER", "TOPICS", "QUEUED#", "DELIVERED#", "DROPPED#", "FAILED#");
        status.subscriptions().forEach(s -> subscriptions.row(s.id(), s.owner(), topics(s.topics()), s.queued(),
                s.delivered(), s.dropped(), s.failed()));
        subscriptions.appendTo(out);

        out.append("\nMessages per topic\n");
        Table topics = new Table("TOPIC", "IN#", "OUT#", "DROPPED#");
        status.topics().forEach(t -> topics.row(t.topic(), t.in(), t.out(), t.dropped()));
        topics.appendTo(out);

        BusStatus.SnapshotRow snapshots = status.snapshots();
        out.append("\nSnapshots\n")
                .append("  ").append(snapshots.pending()).append(" pending, ")
                .append(snapshots.itemsDelivered()).append(" items delivered, ")
                .append(snapshots.duplicateItems()).append(" duplicates dropped, ")
                .append(snapshots.unmatchedEnvelopes()).append(" envelopes for other hosts, ")
                .append(snapshots.expired()).append(" expired\n");
        return out.toString();
    }

    private static String state(BusStatus.BackboneRow backbone) {
        String role = backbone.active() ? "active" : "standby";
        return backbone.state().isEmpty() ? role : role + " (" + backbone.state() + ")";
    }

    private static String topics(java.util.List<String> topics) {
        StringBuilder out = new StringBuilder();
        for (String topic : topics) {
            out.append(out.length() == 0 ? "" : ", ").append(topic.isEmpty() ? "\"\"" : topic);
        }
        return out.toString();
    }
}
