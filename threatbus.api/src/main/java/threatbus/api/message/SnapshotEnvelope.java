// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.internal.Json;

/**
 * One historic item answering a {@link SnapshotRequest}. The bus unwraps it and delivers only the
 * {@link #body()} to the requester. On the wire the body is a nested object:
 * {@code {"type": "snapshotenvelope", "snapshot_type": 1, "snapshot_id": "<uuid>", "body": {…}}}.
 */
public final class SnapshotEnvelope extends Message {

    private final MessageType type;
    private final String snapshotId;
    private final StixObject body;

    /**
     * @throws IllegalArgumentException if the id is empty or the body is not of the given type
     */
    public SnapshotEnvelope(MessageType type, String snapshotId, StixObject body) {
        this.type = Objects.requireNonNull(type, "type");
        this.snapshotId = Objects.requireNonNull(snapshotId, "snapshotId");
        this.body = Objects.requireNonNull(body, "body");
        if (snapshotId.isEmpty()) {
            throw new IllegalArgumentException("snapshot id must not be empty");
        }
        if (!type.topic().equals(body.topic())) {
            throw new IllegalArgumentException("a " + type + " snapshot cannot carry a " + body.typeName());
        }
    }

    /** An envelope for {@code body} answering {@code request}. */
    public static SnapshotEnvelope answering(SnapshotRequest request, StixObject body) {
        return new SnapshotEnvelope(request.type(), request.snapshotId(), body);
    }

    @Override
    public String topic() {
        return Topics.SNAPSHOT_ENVELOPE;
    }

    @Override
    public String typeName() {
        return "snapshotenvelope";
    }

    public MessageType type() {
        return type;
    }

    public String snapshotId() {
        return snapshotId;
    }

    /** The historic item. */
    public StixObject body() {
        return body;
    }

    @Override
    ObjectNode tree() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("type", typeName());
        node.put("snapshot_type", type.code());
        node.put("snapshot_id", snapshotId);
        node.set("body", body.tree());
        return node;
    }
}
