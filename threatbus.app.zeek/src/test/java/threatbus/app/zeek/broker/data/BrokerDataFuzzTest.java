// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Random values round-trip; random and mutated bytes only ever decode or fail with BrokerDataException. */
class BrokerDataFuzzTest {

    @Test
    void randomValuesRoundTrip() throws BrokerDataException {
        RandomBrokerData values = new RandomBrokerData(new Random(42), 5);
        for (int i = 0; i < 5_000; i++) {
            BrokerData value = values.next();
            byte[] bytes = BrokerDataCodec.encode(value);
            assertThat(BrokerDataCodec.decode(bytes)).isEqualTo(value);

            ByteBuffer in = ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) 0x7f).flip();
            assertThat(BrokerDataCodec.decode(in)).isEqualTo(value);
            assertThat(in.remaining()).isEqualTo(1);
        }
    }

    @Test
    void mutatedInputsDecodeOrFailCleanly() {
        BrokerDataFuzz.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> BrokerDataFuzz.run(1, 200_000));
        assertThat(result.findings()).isEmpty();
        assertThat(result.accepted()).isPositive();
        assertThat(result.rejected()).isPositive();
    }

    /** The long run: {@code -Dthreatbus.fuzz.inputs=1000000}. */
    @Test
    @EnabledIfSystemProperty(named = "threatbus.fuzz.inputs", matches = "\\d+")
    void longFuzzRun() {
        int inputs = Integer.getInteger("threatbus.fuzz.inputs");
        long start = System.nanoTime();
        BrokerDataFuzz.Result result = BrokerDataFuzz.run(20220516L, inputs);
        System.out.println(BrokerDataFuzz.report(result, 20220516L, System.nanoTime() - start));
        assertThat(result.findings()).isEmpty();
    }
}
