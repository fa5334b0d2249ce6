// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import threatbus.app.zeek.broker.data.BrokerData.Count;
import threatbus.app.zeek.broker.data.BrokerData.Str;
import threatbus.app.zeek.broker.data.BrokerData.Timestamp;
import threatbus.app.zeek.broker.data.BrokerData.Vector;

/**
 * A Zeek event as Broker carries it ({@code broker/zeek.hh}):
 * {@code vector[count 1 (format version), count 1 (event), vector[string name, vector args, vector metadata]]},
 * where the optional metadata is a vector of {@code vector[count key, value]} and key 1 is the network timestamp.
 *
 * <p><b>Metadata and old Zeeks.</b> {@link #toData()} leaves the metadata element out when there is none, which is
 * exactly what Broker's {@code Event(name, args)} constructor builds, and writes it only when there is some. Both
 * forms are safe for Zeek 5.x. Before metadata existed (from zeek/broker#86 in 2020 until zeek/broker#343 in
 * 2023, so including Broker 2.3 in Zeek 5.0), {@code Event::valid()} in {@code include/broker/zeek.hh} required
 * an inner vector of <em>at least</em> two elements, a string and a vector, and {@code name()}/{@code args()}
 * read only indexes 0 and 1; Zeek 5's {@code Manager::ProcessEvent} rejects only what that {@code valid()}
 * rejects, so a third element is ignored. Metadata arrived with zeek/broker#343 (Zeek 6.0, which always sends the
 * network timestamp); today's {@code valid()} still takes two or more elements and insists only that key 1 hold a
 * timestamp, which {@link Metadata} enforces.
 */
public record ZeekEvent(String name, List<BrokerData> args, List<Metadata> metadata) {

    /** Metadata key of the network time at which the sender raised the event (a {@code timestamp}). */
    public static final long NETWORK_TIMESTAMP = 1;

    /** Zeek message format version ({@code broker::zeek::ProtocolVersion}). */
    private static final long FORMAT_VERSION = 1;
    private static final long TYPE_EVENT = 1;
    private static final String[] TYPE_NAMES = {"Invalid", "Event", "LogCreate", "LogWrite", "IdentifierUpdate",
        "Batch"};

    /** One metadata entry; keys 1-199 are Zeek's, 200 and up are for users. Unknown keys are kept as they are. */
    public record Metadata(long key, BrokerData value) {

        /** Same as {@link ZeekEvent#NETWORK_TIMESTAMP}. */
        public static final long NETWORK_TIMESTAMP = ZeekEvent.NETWORK_TIMESTAMP;

        public Metadata {
            Objects.requireNonNull(value, "value");
            if (key == NETWORK_TIMESTAMP && !(value instanceof Timestamp)) {
                throw new IllegalArgumentException("network timestamp metadata must be a timestamp: " + value);
            }
        }
    }

    public ZeekEvent {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        metadata = List.copyOf(metadata);
    }

    /** An event with the network-timestamp metadata, as Zeek 6 and later send every event. */
    public static ZeekEvent of(String name, Instant networkTimestamp, BrokerData... args) {
        return new ZeekEvent(name, List.of(args),
                List.of(new Metadata(NETWORK_TIMESTAMP, Timestamp.of(networkTimestamp))));
    }

    /** An event without metadata, as Zeek 5 sends it. */
    public static ZeekEvent of(String name, List<BrokerData> args) {
        return new ZeekEvent(name, args, List.of());
    }

    /** The value of the first {@link #NETWORK_TIMESTAMP} metadata entry. */
    public Optional<Instant> networkTimestamp() {
        return metadata.stream().filter(m -> m.key() == NETWORK_TIMESTAMP)
                .map(m -> ((Timestamp) m.value()).toInstant()).findFirst();
    }

    /** The Broker data that carries this event; see the class comment for the metadata element. */
    public Vector toData() {
        List<BrokerData> content = new ArrayList<>(3);
        content.add(BrokerData.str(name));
        content.add(BrokerData.vector(args));
        if (!metadata.isEmpty()) {
            content.add(BrokerData.vector(metadata.stream()
                    .<BrokerData>map(m -> BrokerData.vector(BrokerData.count(m.key()), m.value())).toList()));
        }
        return BrokerData.vector(BrokerData.count(FORMAT_VERSION), BrokerData.count(TYPE_EVENT),
                BrokerData.vector(content));
    }

    /**
     * Reads an event, with or without metadata, checking what Broker's {@code Event::valid()} checks.
     *
     * @throws BrokerDataException if {@code data} is another Zeek message (log write, batch, ...), another format
     *         version, or not shaped like an event
     */
    public static ZeekEvent fromData(BrokerData data) throws BrokerDataException {
        List<BrokerData> outer = vector(data, "a Zeek message");
        if (outer.size() < 3) {
            throw new BrokerDataException("a Zeek message has 3 elements, not " + outer.size());
        }
        long version = count(outer.get(0), "the Zeek message format version");
        if (version != FORMAT_VERSION) {
            throw new BrokerDataException("unsupported Zeek message format version "
                    + Long.toUnsignedString(version));
        }
        long type = count(outer.get(1), "the Zeek message type");
        if (type != TYPE_EVENT) {
            String typeName = type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[(int) type] : "unknown";
            throw new BrokerDataException("not a Zeek event but a " + typeName + " message (type "
                    + Long.toUnsignedString(type) + ")");
        }
        List<BrokerData> content = vector(outer.get(2), "the event content");
        if (content.size() < 2) {
            throw new BrokerDataException("a Zeek event needs a name and arguments, got " + content.size()
                    + " elements");
        }
        if (!(content.get(0) instanceof Str eventName)) {
            throw new BrokerDataException("the event name is not a string: " + content.get(0));
        }
        List<BrokerData> args = vector(content.get(1), "the event arguments");
        List<Metadata> metadata = new ArrayList<>();
        if (content.size() > 2) {
            for (BrokerData entry : vector(content.get(2), "the event metadata")) {
                metadata.add(metadata(entry));
            }
        }
        return new ZeekEvent(eventName.value(), args, metadata);
    }

    private static Metadata metadata(BrokerData entry) throws BrokerDataException {
        List<BrokerData> pair = vector(entry, "a metadata entry");
        if (pair.size() != 2) {
            throw new BrokerDataException("a metadata entry has 2 elements, not " + pair.size());
        }
        long key = count(pair.get(0), "a metadata key");
        if (key == NETWORK_TIMESTAMP && !(pair.get(1) instanceof Timestamp)) {
            throw new BrokerDataException("network timestamp metadata is not a timestamp: " + pair.get(1));
        }
        return new Metadata(key, pair.get(1));
    }

    private static List<BrokerData> vector(BrokerData data, String what) throws BrokerDataException {
        if (data instanceof Vector v) {
            return v.elements();
        }
        throw new BrokerDataException(what + " is not a vector: " + data);
    }

    private static long count(BrokerData data, String what) throws BrokerDataException {
        if (data instanceof Count c) {
            return c.value();
        }
        throw new BrokerDataException(what + " is not a count: " + data);
    }
}
