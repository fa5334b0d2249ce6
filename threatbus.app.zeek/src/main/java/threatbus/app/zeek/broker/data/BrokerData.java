// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of Broker's data model ({@code broker::data}): the payload of every Broker data message and, nested, of
 * every Zeek event. All values are immutable; {@code toString} renders Broker's own text form ({@code nil},
 * {@code T}/{@code F}, {@code (a, b)} for vectors, {@code {a, b}} for sets, {@code {k -> v}} for tables).
 *
 * <p>Broker strings are byte strings: {@link BrokerDataCodec} encodes {@link Str} as UTF-8 and decodes it as UTF-8
 * with malformed sequences replaced by U+FFFD, so that binary strings sent by Zeek still decode.
 */
public sealed interface BrokerData {

    /** The single {@code none} value ({@code nil}). */
    None NONE = new None();

    static Str str(String value) {
        return new Str(value);
    }

    static Count count(long unsigned) {
        return new Count(unsigned);
    }

    static Int integer(long value) {
        return new Int(value);
    }

    static Real real(double value) {
        return new Real(value);
    }

    static Bool bool(boolean value) {
        return new Bool(value);
    }

    static Vector vector(BrokerData... elements) {
        return new Vector(List.of(elements));
    }

    static Vector vector(List<BrokerData> elements) {
        return new Vector(elements);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.of(instant);
    }

    static Timespan timespan(Duration duration) {
        return Timespan.of(duration);
    }

    /** Broker's {@code none}; use {@link BrokerData#NONE}. */
    record None() implements BrokerData {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record Bool(boolean value) implements BrokerData {
        @Override
        public String toString() {
            return value ? "T" : "F";
        }
    }

    /** Broker's {@code count}: an unsigned 64-bit integer held in a {@code long} (see {@link Long#toUnsignedString}). */
    record Count(long value) implements BrokerData {
        @Override
        public String toString() {
            return Long.toUnsignedString(value);
        }
    }

    record Int(long value) implements BrokerData {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** Broker's {@code real}. Equality is that of {@link Double#compare}: NaN equals NaN, 0.0 differs from -0.0. */
    record Real(double value) implements BrokerData {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%f", value);
        }
    }

    record Str(String value) implements BrokerData {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** A 16-byte address; IPv4 addresses are held IPv4-mapped ({@code ::ffff:a.b.c.d}) as Broker does. */
    record Address(byte[] bytes) implements BrokerData {
        public Address {
            Objects.requireNonNull(bytes, "bytes");
            if (bytes.length != 16) {
                throw new IllegalArgumentException("an address has 16 bytes, not " + bytes.length);
            }
            bytes = bytes.clone();
        }

        public static Address of(InetAddress address) {
            return new Address(AddressText.fromInet(address));
        }

        /** Parses an IPv4 or IPv6 literal; never resolves names. */
        public static Address parse(String text) {
            return new Address(AddressText.parse(Objects.requireNonNull(text, "text")));
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public boolean isV4() {
            return AddressText.isV4Mapped(bytes);
        }

        public InetAddress toInetAddress() {
            return AddressText.toInet(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && Arrays.equals(bytes, a.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        /** As Zeek prints it: a dotted quad for IPv4, compressed lower-case IPv6 otherwise. */
        @Override
        public String toString() {
            return AddressText.format(bytes);
        }
    }

    /**
     * A subnet. {@code length} is the prefix length users write (0-32 for IPv4, 0-128 for IPv6); on the wire an
     * IPv4 length is sent plus 96 ({@link #rawLength()}). Host bits of {@code network} are cleared, as Broker does.
     */
    record Subnet(Address network, int length) implements BrokerData {
        public Subnet {
            Objects.requireNonNull(network, "network");
            int max = network.isV4() ? 32 : 128;
            if (length < 0 || length > max) {
                throw new IllegalArgumentException("prefix length " + length + " is not in 0.." + max);
            }
            network = new Address(AddressText.mask(network.bytes, network.isV4() ? length + 96 : length));
        }

        /** Parses {@code address/length}, for example {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
        public static Subnet parse(String text) {
            int slash = text.lastIndexOf('/');
            String len = slash < 0 ? "" : text.substring(slash + 1);
            if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a subnet: " + text);
            }
            return new Subnet(Address.parse(text.substring(0, slash)), Integer.parseInt(len));
        }

        /** The prefix length as Broker sends it: IPv4 lengths are offset by 96. */
        public int rawLength() {
            return network.isV4() ? length + 96 : length;
        }

        @Override
        public String toString() {
            return network + "/" + length;
        }
    }

    record Port(int number, Protocol protocol) implements BrokerData {
        /** Transport protocol, in wire order (0 to 3). */
        public enum Protocol {
            UNKNOWN("?"), TCP("tcp"), UDP("udp"), ICMP("icmp");

            private final String text;

            Protocol(String text) {
                this.text = text;
            }

            @Override
            public String toString() {
                return text;
            }
        }

        public Port {
            Objects.requireNonNull(protocol, "protocol");
            if (number < 0 || number > 0xFFFF) {
                throw new IllegalArgumentException("port number " + number + " is not in 0..65535");
            }
        }

        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }

    /** Nanoseconds since the Unix epoch (UTC). */
    record Timestamp(long nanos) implements BrokerData {
        /** @throws IllegalArgumentException if the instant is outside the years ~1677 to ~2262 */
        public static Timestamp of(Instant instant) {
            return new Timestamp(Nanos.of(instant.getEpochSecond(), instant.getNano()));
        }

        public Instant toInstant() {
            return Instant.ofEpochSecond(Math.floorDiv(nanos, Nanos.PER_SECOND), Math.floorMod(nanos, Nanos.PER_SECOND));
        }

        @Override
        public String toString() {
            return nanos + "ns";
        }
    }

    /** A duration in nanoseconds. */
    record Timespan(long nanos) implements BrokerData {
        /** @throws IllegalArgumentException if the duration exceeds about 292 years */
        public static Timespan of(Duration duration) {
            return new Timespan(Nanos.of(duration.getSeconds(), duration.getNano()));
        }

        public Duration toDuration() {
            return Duration.ofNanos(nanos);
        }

        @Override
        public String toString() {
            return nanos + "ns";
        }
    }

    /** A Zeek enum value by its qualified name, for example {@code Intel::ADDR}. */
    record EnumValue(String name) implements BrokerData {
        public EnumValue {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A set. Broker keeps sets sorted and free of duplicates; this record keeps elements in the order given
     * (or received) and does not deduplicate, so that decoding never rejects what a peer sent.
     */
    record Set(List<BrokerData> elements) implements BrokerData {
        public Set {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            return BrokerText.join(elements, "{", "}");
        }
    }

    /** A table: key/value entries in the order given or received (Broker sends them sorted by key). */
    record Table(List<Entry> entries) implements BrokerData {
        public record Entry(BrokerData key, BrokerData value) {
            public Entry {
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(value, "value");
            }

            @Override
            public String toString() {
                return key + " -> " + value;
            }
        }

        public Table {
            entries = List.copyOf(entries);
        }

        /** The value of the first entry whose key equals {@code key}. */
        public Optional<BrokerData> get(BrokerData key) {
            return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
        }

        @Override
        public String toString() {
            return BrokerText.join(entries, "{", "}");
        }
    }

    /** A vector (Broker's {@code list}); Zeek records travel as vectors too, one element per field. */
    record Vector(List<BrokerData> elements) implements BrokerData {
        public Vector {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            return BrokerText.join(elements, "(", ")");
        }
    }
}
