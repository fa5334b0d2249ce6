// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

/**
 * A message on the bus. Immutable and thread-safe.
 *
 * <p>The JSON form ({@link #json()}) is computed once, on first use, and shared by every subscriber and
 * transport. It is the wire form of the original Threat Bus (spec §1.11): one JSON object dispatched on its
 * {@code "type"}, written like Python's {@code json.dumps}.
 */
public abstract sealed class Message permits StixObject, SnapshotRequest, SnapshotEnvelope {

    private volatile JsonBytes json;

    Message() {
    }

    /** The topic the bus routes this message on; derived from the type, never from a client. */
    public abstract String topic();

    /**
     * The lower-case type name: {@code indicator}, {@code sighting}, {@code snapshotrequest} or
     * {@code snapshotenvelope}. It is the {@code "type"} of the JSON and the suffix the zmq protocol puts on
     * topics.
     */
    public abstract String typeName();

    /** Encodes the message; called at most a few times (see {@link #json()}). */
    abstract byte[] encode();

    /** The encoded JSON, computed once. */
    public JsonBytes json() {
        JsonBytes encoded = json;
        if (encoded == null) {
            // a benign race: two threads may encode concurrently and both get equal bytes
            encoded = new JsonBytes(encode());
            json = encoded;
        }
        return encoded;
    }

    /** Messages are equal when their JSON is. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof Message other && getClass() == other.getClass() && json().equals(other.json());
    }

    @Override
    public final int hashCode() {
        return json().hashCode();
    }

    /** The JSON text. */
    @Override
    public final String toString() {
        return json().toString();
    }
}
