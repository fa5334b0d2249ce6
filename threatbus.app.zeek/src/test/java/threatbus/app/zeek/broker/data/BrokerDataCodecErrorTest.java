// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static threatbus.app.zeek.broker.data.BrokerData.NONE;
import static threatbus.app.zeek.broker.data.BrokerData.vector;

import java.nio.ByteBuffer;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way decoding rejects input, with the offset it reports. */
class BrokerDataCodecErrorTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "''                                        | 0  | input ends inside a type tag",
        "0f                                        | 0  | unknown type tag 15",
        "ff                                        | 0  | unknown type tag 255",
        "0e 02 00 10                               | 3  | unknown type tag 16",
        "01                                        | 1  | input ends inside a boolean",
        "01 02                                     | 1  | boolean byte 2 is neither 0 nor 1",
        "01 ff                                     | 1  | boolean byte 255 is neither 0 nor 1",
        "02 00 00 00                               | 1  | input ends inside a count",
        "03 00000000000000                         | 1  | input ends inside an integer",
        "04 3ff0                                   | 1  | input ends inside a real",
        "09 00                                     | 1  | input ends inside a timestamp",
        "0a                                        | 1  | input ends inside a timespan",
        "05 05 6161                                | 1  | a string of 5 bytes exceeds the remaining 2",
        "05 80                                     | 2  | input ends inside a size",
        "05 8080808080 01                          | 5  | size longer than five bytes",
        "05 ffffffff1f                             | 5  | size larger than 32 bits",
        "0b 02 41                                  | 1  | an enum value of 2 bytes exceeds the remaining 1",
        "06 00000000000000000000ffff c00002        | 1  | input ends inside an address",
        "07 00000000000000000000ffff c0000201      | 17 | input ends inside a subnet length",
        "07 20010db8000000000000000000000000 81    | 17 | subnet length 129 is larger than 128",
        "07 00000000000000000000ffff0a000000 81    | 17 | subnet length 129 is larger than 128",
        "07 00000000000000000000ffff0a000000 5f    | 17 | IPv4 subnet length 95 is below the offset 96",
        "08 0050                                   | 3  | input ends inside a port protocol",
        "08 0050 04                                | 3  | unknown port protocol 4",
        "08 0050 ff                                | 3  | unknown port protocol 255",
        "08 00                                     | 1  | input ends inside a port",
        "0e 05 00 00                               | 1  | vector of 5 elements cannot fit in the remaining 2 bytes",
        "0c 02 00                                  | 1  | set of 2 elements cannot fit in the remaining 1 bytes",
        "0d 02 00 00 00                            | 1  | table of 2 elements cannot fit in the remaining 3 bytes",
        "0e ffffffff0f                             | 1  | vector of 4294967295 elements cannot fit",
        "0d ffffffff0f 00                          | 1  | table of 4294967295 elements cannot fit",
        "0e 02 00 02 00                            | 4  | input ends inside a count",
        "0d 01 00 09                               | 4  | input ends inside a timestamp",
        "00 00                                     | 1  | 1 trailing bytes after the value"})
    void rejects(String hex, int offset, String message) {
        assertRejected(Hex.bytes(hex)).hasMessageContaining(message)
                .extracting(e -> ((BrokerDataException) e).offset()).isEqualTo(offset);
    }

    @Test
    void acceptsNestingUpToMaxDepth() throws BrokerDataException {
        byte[] deepest = Hex.bytes("0e01".repeat(BrokerDataCodec.MAX_DEPTH) + "00");
        BrokerData value = BrokerDataCodec.decode(deepest);
        assertThat(BrokerDataCodec.encode(value)).isEqualTo(deepest);
    }

    @Test
    void rejectsNestingBeyondMaxDepth() {
        int tooDeep = BrokerDataCodec.MAX_DEPTH + 1;
        assertRejected(Hex.bytes("0e01".repeat(tooDeep) + "00")).hasMessageContaining("nests deeper than 64")
                .extracting(e -> ((BrokerDataException) e).offset()).isEqualTo(2 * BrokerDataCodec.MAX_DEPTH);
        assertRejected(Hex.bytes("0c01".repeat(tooDeep) + "00")).hasMessageContaining("set nests deeper");
        assertRejected(Hex.bytes("0d0100".repeat(tooDeep) + "00")).hasMessageContaining("table nests deeper");
        // far deeper than the stack would allow without the limit
        assertRejected(Hex.bytes("0e01".repeat(1_000_000) + "00")).hasMessageContaining("nests deeper");
    }

    @Test
    void refusesToEncodeWhatItWouldNotDecode() {
        BrokerData value = NONE;
        for (int i = 0; i <= BrokerDataCodec.MAX_DEPTH; i++) {
            value = vector(value);
        }
        BrokerData tooDeep = value;
        assertThatThrownBy(() -> BrokerDataCodec.encode(tooDeep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than 64");
    }

    @Test
    void bufferDecodingReadsOneValueAndLeavesTheRest() throws BrokerDataException {
        ByteBuffer in = ByteBuffer.wrap(Hex.bytes("aa 01 01 02 0000000000000007 bb"));
        in.position(1);
        assertThat(BrokerDataCodec.decode(in)).isEqualTo(BrokerData.bool(true));
        assertThat(BrokerDataCodec.decode(in)).isEqualTo(BrokerData.count(7));
        assertThat(in.position()).isEqualTo(12);
    }

    @Test
    void bufferOffsetsAreBufferPositions() {
        ByteBuffer in = ByteBuffer.wrap(Hex.bytes("aaaa 01 07"));
        in.position(2);
        assertThatThrownBy(() -> BrokerDataCodec.decode(in)).isInstanceOf(BrokerDataException.class)
                .extracting(e -> ((BrokerDataException) e).offset()).isEqualTo(3);
    }

    @Test
    void malformedUtf8IsReplacedNotRejected() throws BrokerDataException {
        assertThat(BrokerDataCodec.decode(Hex.bytes("05 04 61 ff c3 62")))
                .isEqualTo(BrokerData.str("a\uFFFD\uFFFDb"));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] bytes) {
        return assertThatThrownBy(() -> BrokerDataCodec.decode(bytes)).isInstanceOf(BrokerDataException.class);
    }
}
