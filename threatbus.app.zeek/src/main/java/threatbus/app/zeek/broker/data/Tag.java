// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

/** Broker's type tags ({@code variant_tag.hh}), the first byte of every encoded value. */
final class Tag {

    static final int NONE = 0;
    static final int BOOLEAN = 1;
    static final int COUNT = 2;
    static final int INTEGER = 3;
    static final int REAL = 4;
    static final int STRING = 5;
    static final int ADDRESS = 6;
    static final int SUBNET = 7;
    static final int PORT = 8;
    static final int TIMESTAMP = 9;
    static final int TIMESPAN = 10;
    static final int ENUM_VALUE = 11;
    static final int SET = 12;
    static final int TABLE = 13;
    static final int VECTOR = 14;

    private Tag() {
    }
}
