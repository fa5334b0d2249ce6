// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

import threatbus.testing.AllocationLimit;

/**
 * Broker's data decoder under coverage-guided fuzzing. Each build replays the seed corpus and every past
 * finding ({@code BrokerDataFuzzTargetTestInputs/}); {@code JAZZER_FUZZ=1} fuzzes (see RELIABILITY.md).
 */
class BrokerDataFuzzTargetTest {

    private static final AllocationLimit LIMIT = new AllocationLimit(64 * 1024, 64);

    /**
     * A value or a {@link BrokerDataException}; a value re-encodes to bytes that decode again, and after that one
     * round trip encoding is stable. (Not equal at once: Broker's {@code real} encoding, CAF's, turns subnormal
     * doubles into other numbers, see {@link Ieee754}; fuzzing found {@code 04 0000000000000001}.)
     */
    @FuzzTest(maxDuration = "30m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decodesOrRejectsAndRoundTrips(byte[] input) throws BrokerDataException {
        BrokerData value;
        try {
            value = LIMIT.check(input, () -> BrokerDataCodec.decode(input));
        } catch (BrokerDataException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        BrokerData once = BrokerDataCodec.decode(BrokerDataCodec.encode(value));
        assertThat(BrokerDataCodec.decode(BrokerDataCodec.encode(once))).isEqualTo(once);
    }
}
