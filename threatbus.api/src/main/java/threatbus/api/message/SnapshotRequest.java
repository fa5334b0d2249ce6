// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;


/**
 * A request for historic data of one type, on behalf of a new subscriber. The bus creates these; on the
 * wire: {@code {"type": "snapshotrequest", "snapshot_type": 2, "snapshot_id": "<uuid>", "snapshot": 3712417}}
 * with the duration in whole seconds.
 */
public final class SnapshotRequest extends Message {

    private final MessageType type;
    private final String snapshotId;
    private final Duration snapshot;

    /**
     * @param type what to look up
     * @param snapshotId the id that answers must carry
     * @param snapshot how far back to look; truncated to whole seconds
     * @throws IllegalArgumentException if the id is empty or the duration negative
     */
    public SnapshotRequest(MessageType type, String snapshotId, Duration snapshot) {
        this.type = Objects.requireNonNull(type, "type");
        this.snapshotId = Objects.requireNonNull(snapshotId, "snapshotId");
        if (snapshotId.isEmpty()) {
            throw new IllegalArgumentException("snapshot id must not be empty");
        }
        if (snapshot.isNegative()) {
            throw new IllegalArgumentException("snapshot duration must not be negative: " + snapshot);
        }
        this.snapshot = Duration.ofSeconds(snapshot.getSeconds());
    }

    @Override
    public String topic() {
        return Topics.SNAPSHOT_REQUEST;
    }

    @Override
    public String typeName() {
        return "snapshotrequest";
    }

    /** The requested type. */
    public MessageType type() {
        return type;
    }

    public String snapshotId() {
        return snapshotId;
    }

    /** How far back to look, in whole seconds. */
    public Duration snapshot() {
        return snapshot;
    }

    @Override
    byte[] encode() {
        StringBuilder out = SnapshotEnvelope.header(typeName(), type, snapshotId);
        return out.append(", \"snapshot\": ").append(snapshot.getSeconds()).append('}')
                .toString().getBytes(StandardCharsets.US_ASCII);
    }
}
