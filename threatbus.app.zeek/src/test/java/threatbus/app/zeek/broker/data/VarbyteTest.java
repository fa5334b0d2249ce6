// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Broker's 32-bit varbyte sizes: one to five bytes, nothing larger. */
class VarbyteTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "0, 00",
        "1, 01",
        "127, 7f",
        "128, 8001",
        "300, ac02",
        "16383, ff7f",
        "16384, 808001",
        "2097151, ffff7f",
        "2097152, 80808001",
        "268435455, ffffff7f",
        "268435456, 8080808001",
        "4294967295, ffffffff0f"})
    void writesAndReads(long value, String hex) throws BrokerDataException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Varbyte.write(value, out);
        assertThat(Hex.of(out.toByteArray())).isEqualTo(hex);

        ByteBuffer in = ByteBuffer.wrap(Hex.bytes(hex + "aa"));
        assertThat(Varbyte.read(in)).isEqualTo(value);
        assertThat(in.remaining()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Varbyte.MAX + 1, Long.MAX_VALUE})
    void refusesToWriteWhatBrokerCannotRead(long value) {
        assertThatThrownBy(() -> Varbyte.write(value, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffffffff10", "ffffffff7f", "8080808010"})
    void rejectsValuesAbove32Bits(String hex) {
        assertThatThrownBy(() -> Varbyte.read(ByteBuffer.wrap(Hex.bytes(hex))))
                .isInstanceOf(BrokerDataException.class).hasMessageContaining("larger than 32 bits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"808080808001", "ffffffffff01", "8080808080"})
    void rejectsMoreThanFiveBytes(String hex) {
        assertThatThrownBy(() -> Varbyte.read(ByteBuffer.wrap(Hex.bytes(hex))))
                .isInstanceOf(BrokerDataException.class).hasMessageContaining("longer than five bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "80", "ff80", "808080"})
    void rejectsTruncatedSizes(String hex) {
        assertThatThrownBy(() -> Varbyte.read(ByteBuffer.wrap(Hex.bytes(hex))))
                .isInstanceOf(BrokerDataException.class).hasMessageContaining("input ends inside a size");
    }
}
