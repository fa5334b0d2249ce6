// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import threatbus.api.internal.CompatJsonWriter;

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
    byte[] encode() {
        byte[] head = header(typeName(), type, snapshotId).append(", \"body\": ").toString()
                .getBytes(StandardCharsets.US_ASCII);
        JsonBytes json = body.json();
        byte[] out = new byte[head.length + json.length() + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        json.copyTo(out, head.length);
        out[out.length - 1] = '}';
        return out;
    }

    /** {@code {"type": "<type>", "snapshot_type": <n>, "snapshot_id": "<id>"}, without the closing brace. */
    static StringBuilder header(String typeName, MessageType type, String snapshotId) {
        StringBuilder out = new StringBuilder(128).append("{\"type\": \"").append(typeName)
                .append("\", \"snapshot_type\": ").append(type.code()).append(", \"snapshot_id\": ");
        CompatJsonWriter.writeString(snapshotId, out);
        return out;
    }
}
