// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import threatbus.app.zeek.broker.data.BrokerData.Address;
import threatbus.app.zeek.broker.data.BrokerData.Port;
import threatbus.app.zeek.broker.data.BrokerData.Subnet;
import threatbus.app.zeek.broker.data.BrokerData.Table;

/** Random values of every type, for round trips and as fuzzing seeds; the same seed gives the same values. */
final class RandomBrokerData {

    private static final double[] SPECIAL_REALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.0, -0.0, Double.MAX_VALUE, -Double.MIN_NORMAL, 1.0, -1.0};

    private final Random random;
    private final int maxDepth;

    RandomBrokerData(Random random, int maxDepth) {
        this.random = random;
        this.maxDepth = maxDepth;
    }

    BrokerData next() {
        return value(0);
    }

    private BrokerData value(int depth) {
        int tag = random.nextInt(depth < maxDepth ? 15 : 12);
        return switch (tag) {
            case Tag.NONE -> BrokerData.NONE;
            case Tag.BOOLEAN -> BrokerData.bool(random.nextBoolean());
            case Tag.COUNT -> BrokerData.count(interestingLong());
            case Tag.INTEGER -> BrokerData.integer(interestingLong());
            case Tag.REAL -> BrokerData.real(real());
            case Tag.STRING -> BrokerData.str(string());
            case Tag.ADDRESS -> address();
            case Tag.SUBNET -> subnet();
            case Tag.PORT -> new Port(random.nextInt(65536), Port.Protocol.values()[random.nextInt(4)]);
            case Tag.TIMESTAMP -> new BrokerData.Timestamp(interestingLong());
            case Tag.TIMESPAN -> new BrokerData.Timespan(interestingLong());
            case Tag.ENUM_VALUE -> new BrokerData.EnumValue("Intel::" + string());
            case Tag.SET -> new BrokerData.Set(values(depth));
            case Tag.TABLE -> table(depth);
            default -> BrokerData.vector(values(depth));
        };
    }

    private long interestingLong() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(300);
            case 1 -> random.nextBoolean() ? Long.MIN_VALUE : -1L;
            default -> random.nextLong();
        };
    }

    /** Only values that survive CAF's packing unchanged: specials and normal numbers. */
    private double real() {
        if (random.nextInt(4) == 0) {
            return SPECIAL_REALS[random.nextInt(SPECIAL_REALS.length)];
        }
        long exponent = 1 + random.nextInt(2046);
        long bits = (random.nextLong() & 0x800F_FFFF_FFFF_FFFFL) | exponent << 52;
        return Double.longBitsToDouble(bits);
    }

    private String string() {
        int length = random.nextInt(10) == 0 ? 100 + random.nextInt(200) : random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> random.nextInt(0x800);
                case 2 -> 0xE000 + random.nextInt(0x2000);
                default -> 0x10000 + random.nextInt(0x10000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private Address address() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            System.arraycopy(AddressText.V4_PREFIX, 0, bytes, 0, 12);
        }
        return new Address(bytes);
    }

    private Subnet subnet() {
        Address network = address();
        return new Subnet(network, random.nextInt(network.isV4() ? 33 : 129));
    }

    private int size() {
        return random.nextInt(20) == 0 ? 130 + random.nextInt(100) : random.nextInt(5);
    }

    private List<BrokerData> values(int depth) {
        int n = size();
        List<BrokerData> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(value(depth + 1));
        }
        return out;
    }

    private Table table(int depth) {
        int n = size();
        List<Table.Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Table.Entry(value(depth + 1), value(depth + 1)));
        }
        return new Table(out);
    }
}
