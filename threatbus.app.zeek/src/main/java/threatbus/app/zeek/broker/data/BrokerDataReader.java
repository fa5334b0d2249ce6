// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import threatbus.app.zeek.broker.data.BrokerData.Address;
import threatbus.app.zeek.broker.data.BrokerData.Port;

/**
 * Decodes one {@link BrokerData} from a buffer for {@link BrokerDataCodec}. Stricter than Broker where Broker
 * accepts what it never writes: a boolean must be 0 or 1, and a subnet length must be one Broker's checked
 * constructor could have produced (at most 128, and at least 96 for an IPv4-mapped network); Broker itself takes
 * subnets unchecked and would report a wrapped-around length.
 */
final class BrokerDataReader {

    /** Initial list capacity: a claimed size only reserves memory once its elements have actually arrived. */
    private static final int INITIAL_CAPACITY = 16;

    private final ByteBuffer in;

    BrokerDataReader(ByteBuffer in) {
        this.in = in;
    }

    BrokerData read() throws BrokerDataException {
        return read(0);
    }

    /** @param depth the number of containers around this value */
    private BrokerData read(int depth) throws BrokerDataException {
        int start = in.position();
        int tag = u8("a type tag");
        switch (tag) {
            case Tag.NONE:
                return BrokerData.NONE;
            case Tag.BOOLEAN:
                int b = u8("a boolean");
                if (b > 1) {
                    throw new BrokerDataException("boolean byte " + b + " is neither 0 nor 1", in.position() - 1);
                }
                return BrokerData.bool(b == 1);
            case Tag.COUNT:
                return BrokerData.count(u64("a count"));
            case Tag.INTEGER:
                return BrokerData.integer(u64("an integer"));
            case Tag.REAL:
                return BrokerData.real(Ieee754.unpack(u64("a real")));
            case Tag.STRING:
                return BrokerData.str(string("a string"));
            case Tag.ADDRESS:
                return new Address(bytes(16, "an address"));
            case Tag.SUBNET:
                return subnet();
            case Tag.PORT:
                int number = (int) bigEndian(2, "a port");
                int protocol = u8("a port protocol");
                if (protocol >= Port.Protocol.values().length) {
                    throw new BrokerDataException("unknown port protocol " + protocol, in.position() - 1);
                }
                return new Port(number, Port.Protocol.values()[protocol]);
            case Tag.TIMESTAMP:
                return new BrokerData.Timestamp(u64("a timestamp"));
            case Tag.TIMESPAN:
                return new BrokerData.Timespan(u64("a timespan"));
            case Tag.ENUM_VALUE:
                return new BrokerData.EnumValue(string("an enum value"));
            case Tag.SET:
                return new BrokerData.Set(elements(depth, "set", start));
            case Tag.TABLE:
                return table(depth, start);
            case Tag.VECTOR:
                return BrokerData.vector(elements(depth, "vector", start));
            default:
                throw new BrokerDataException("unknown type tag " + tag, start);
        }
    }

    private BrokerData subnet() throws BrokerDataException {
        Address network = new Address(bytes(16, "a subnet"));
        int raw = u8("a subnet length");
        int at = in.position() - 1;
        if (raw > 128) {
            throw new BrokerDataException("subnet length " + raw + " is larger than 128", at);
        }
        if (network.isV4() && raw < 96) {
            throw new BrokerDataException("IPv4 subnet length " + raw + " is below the offset 96", at);
        }
        return new BrokerData.Subnet(network, network.isV4() ? raw - 96 : raw);
    }

    private List<BrokerData> elements(int depth, String what, int start) throws BrokerDataException {
        int n = size(depth, what, 1, start);
        List<BrokerData> out = new ArrayList<>(Math.min(n, INITIAL_CAPACITY));
        for (int i = 0; i < n; i++) {
            out.add(read(depth + 1));
        }
        return out;
    }

    private BrokerData table(int depth, int start) throws BrokerDataException {
        int n = size(depth, "table", 2, start);
        List<BrokerData.Table.Entry> out = new ArrayList<>(Math.min(n, INITIAL_CAPACITY));
        for (int i = 0; i < n; i++) {
            BrokerData key = read(depth + 1);
            out.add(new BrokerData.Table.Entry(key, read(depth + 1)));
        }
        return new BrokerData.Table(out);
    }

    /** Reads a container size; each element needs at least {@code minBytes}, so a larger claim is a lie. */
    private int size(int depth, String what, int minBytes, int start) throws BrokerDataException {
        if (depth >= BrokerDataCodec.MAX_DEPTH) {
            throw new BrokerDataException(what + " nests deeper than " + BrokerDataCodec.MAX_DEPTH, start);
        }
        int at = in.position();
        long n = Varbyte.read(in);
        if (n * minBytes > in.remaining()) {
            throw new BrokerDataException(what + " of " + n + " elements cannot fit in the remaining "
                    + in.remaining() + " bytes", at);
        }
        return (int) n;
    }

    private String string(String what) throws BrokerDataException {
        int at = in.position();
        long n = Varbyte.read(in);
        if (n > in.remaining()) {
            throw new BrokerDataException(what + " of " + n + " bytes exceeds the remaining " + in.remaining(), at);
        }
        // new String(..., UTF_8) replaces malformed input with U+FFFD: Zeek strings may hold arbitrary bytes
        return new String(bytes((int) n, what), StandardCharsets.UTF_8);
    }

    private byte[] bytes(int n, String what) throws BrokerDataException {
        need(n, what);
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private int u8(String what) throws BrokerDataException {
        need(1, what);
        return in.get() & 0xFF;
    }

    private long u64(String what) throws BrokerDataException {
        return bigEndian(8, what);
    }

    /** Reads byte by byte so that the caller's buffer byte order does not matter. */
    private long bigEndian(int n, String what) throws BrokerDataException {
        need(n, what);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (in.get() & 0xFF);
        }
        return v;
    }

    private void need(int n, String what) throws BrokerDataException {
        if (in.remaining() < n) {
            throw new BrokerDataException("input ends inside " + what + " (" + n + " bytes needed, "
                    + in.remaining() + " left)", in.position());
        }
    }
}
