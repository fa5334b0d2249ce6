// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import threatbus.app.zeek.broker.data.BrokerData.Address;
import threatbus.app.zeek.broker.data.BrokerData.Bool;
import threatbus.app.zeek.broker.data.BrokerData.Count;
import threatbus.app.zeek.broker.data.BrokerData.EnumValue;
import threatbus.app.zeek.broker.data.BrokerData.Int;
import threatbus.app.zeek.broker.data.BrokerData.None;
import threatbus.app.zeek.broker.data.BrokerData.Port;
import threatbus.app.zeek.broker.data.BrokerData.Real;
import threatbus.app.zeek.broker.data.BrokerData.Set;
import threatbus.app.zeek.broker.data.BrokerData.Str;
import threatbus.app.zeek.broker.data.BrokerData.Subnet;
import threatbus.app.zeek.broker.data.BrokerData.Table;
import threatbus.app.zeek.broker.data.BrokerData.Timespan;
import threatbus.app.zeek.broker.data.BrokerData.Timestamp;
import threatbus.app.zeek.broker.data.BrokerData.Vector;

/**
 * Broker's binary encoding of {@link BrokerData} ({@code format/bin.hh}, wire format v1): a one-byte type tag,
 * then the body in network byte order; strings and containers are prefixed with a {@link Varbyte} size.
 *
 * <p>Decoding is meant for untrusted input: every failure is a {@link BrokerDataException} naming the problem and
 * its offset, containers may nest at most {@link #MAX_DEPTH} deep, and sizes are checked against the bytes left
 * before anything is allocated, so memory use stays proportional to the input.
 */
public final class BrokerDataCodec {

    /** How many containers may nest inside each other; a deeper value is rejected both ways. */
    public static final int MAX_DEPTH = 64;

    private BrokerDataCodec() {
    }

    /** @throws IllegalArgumentException if containers nest deeper than {@link #MAX_DEPTH} */
    public static byte[] encode(BrokerData value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(value, out);
        return out.toByteArray();
    }

    /** Appends the encoding of {@code value} to {@code out}. */
    public static void encode(BrokerData value, ByteArrayOutputStream out) {
        write(value, out, 0);
    }

    /** Decodes exactly one value that spans the whole array; trailing bytes are an error. */
    public static BrokerData decode(byte[] bytes) throws BrokerDataException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        BrokerData value = new BrokerDataReader(in).read();
        if (in.hasRemaining()) {
            throw new BrokerDataException(in.remaining() + " trailing bytes after the value", in.position());
        }
        return value;
    }

    /**
     * Decodes one value at the buffer's position and advances past it. Offsets in errors are buffer positions;
     * after an error the position is unspecified.
     */
    public static BrokerData decode(ByteBuffer in) throws BrokerDataException {
        return new BrokerDataReader(in).read();
    }

    private static void write(BrokerData value, ByteArrayOutputStream out, int depth) {
        if (value instanceof None) {
            out.write(Tag.NONE);
        } else if (value instanceof Bool b) {
            out.write(Tag.BOOLEAN);
            out.write(b.value() ? 1 : 0);
        } else if (value instanceof Count c) {
            out.write(Tag.COUNT);
            writeLong(c.value(), out);
        } else if (value instanceof Int i) {
            out.write(Tag.INTEGER);
            writeLong(i.value(), out);
        } else if (value instanceof Real r) {
            out.write(Tag.REAL);
            writeLong(Ieee754.pack(r.value()), out);
        } else if (value instanceof Str s) {
            out.write(Tag.STRING);
            writeString(s.value(), out);
        } else if (value instanceof Address a) {
            out.write(Tag.ADDRESS);
            out.writeBytes(a.bytes());
        } else if (value instanceof Subnet s) {
            out.write(Tag.SUBNET);
            out.writeBytes(s.network().bytes());
            out.write(s.rawLength());
        } else if (value instanceof Port p) {
            out.write(Tag.PORT);
            out.write(p.number() >>> 8);
            out.write(p.number());
            out.write(p.protocol().ordinal());
        } else if (value instanceof Timestamp t) {
            out.write(Tag.TIMESTAMP);
            writeLong(t.nanos(), out);
        } else if (value instanceof Timespan t) {
            out.write(Tag.TIMESPAN);
            writeLong(t.nanos(), out);
        } else if (value instanceof EnumValue e) {
            out.write(Tag.ENUM_VALUE);
            writeString(e.name(), out);
        } else if (value instanceof Set s) {
            writeAll(Tag.SET, s.elements(), out, depth);
        } else if (value instanceof Vector v) {
            writeAll(Tag.VECTOR, v.elements(), out, depth);
        } else if (value instanceof Table t) {
            checkDepth(depth);
            out.write(Tag.TABLE);
            Varbyte.write(t.entries().size(), out);
            for (Table.Entry e : t.entries()) {
                write(e.key(), out, depth + 1);
                write(e.value(), out, depth + 1);
            }
        } else {
            throw new IllegalArgumentException("not Broker data: " + value);
        }
    }

    private static void writeAll(int tag, List<BrokerData> elements, ByteArrayOutputStream out, int depth) {
        checkDepth(depth);
        out.write(tag);
        Varbyte.write(elements.size(), out);
        for (BrokerData e : elements) {
            write(e, out, depth + 1);
        }
    }

    private static void checkDepth(int enclosing) {
        if (enclosing >= MAX_DEPTH) {
            throw new IllegalArgumentException("containers nest deeper than " + MAX_DEPTH);
        }
    }

    /** Unpaired surrogates cannot be UTF-8 and become {@code ?}, as {@link String#getBytes} does. */
    private static void writeString(String s, ByteArrayOutputStream out) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Varbyte.write(utf8.length, out);
        out.writeBytes(utf8);
    }

    private static void writeLong(long v, ByteArrayOutputStream out) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }
}
