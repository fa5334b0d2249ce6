// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.util.LinkedHashMap;
import java.util.Map;

import threatbus.api.message.Message;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.api.message.SnapshotRequest;
import threatbus.api.message.StixObject;

/**
 * Remembers the last {@code capacity} messages received and recognises them again. At least once means a
 * message can come twice: re-published because its confirm was lost, or redelivered because its ack was.
 * STIX objects are the same when id and {@code modified} are (a new version has a new {@code modified});
 * snapshot requests by id and type; envelopes by id and the body's identity.
 *
 * <p>Thread-safe: normally one consumer thread calls it, but a closing channel may still deliver while the
 * channel of the next connection starts.
 */
final class DuplicateFilter {

    private final Map<String, Boolean> seen;

    DuplicateFilter(int capacity) {
        // access order off: the window is by arrival, and a duplicate does not make an entry younger
        seen = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records {@code message}; true if it was seen within the window. */
    synchronized boolean isDuplicate(Message message) {
        return seen.put(key(message), Boolean.TRUE) != null;
    }

    static String key(Message message) {
        if (message instanceof StixObject stix) {
            return stix.id() + '|' + stix.modified();
        }
        if (message instanceof SnapshotRequest request) {
            return "snapshotrequest|" + request.snapshotId() + '|' + request.type();
        }
        SnapshotEnvelope envelope = (SnapshotEnvelope) message;
        return "snapshotenvelope|" + envelope.snapshotId() + '|' + key(envelope.body());
    }
}
