// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.util.EnumMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import threatbus.testing.AllocationLimit;


/**
 * Broker's framing, handshake, envelope and filter decoders under coverage-guided fuzzing: only
 * {@link BrokerProtocolException} (see {@link FuzzTest#decodeAll}). Each build replays the seed corpus and every
 * past finding ({@code BrokerDecodersFuzzTestInputs/}); {@code JAZZER_FUZZ=1} fuzzes (see RELIABILITY.md).
 */
class BrokerDecodersFuzzTest {

    /** The bound of the random-input {@link FuzzTest}: 32 KiB and 16 bytes per input byte, all four decoders. */
    private static final AllocationLimit LIMIT = new AllocationLimit(32 * 1024, 16);

    @com.code_intelligence.jazzer.junit.FuzzTest(maxDuration = "30m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decodersThrowOnlyProtocolErrors(byte[] input) {
        LIMIT.check(input, () -> FuzzTest.decodeAll(input, new EnumMap<>(BrokerProtocolException.Kind.class)));
    }
}
