// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

import threatbus.testing.AllocationLimit;

/**
 * The wire codec under coverage-guided fuzzing. Each build replays the seed corpus and every past finding
 * ({@code MessageCodecFuzzTestInputs/}); {@code JAZZER_FUZZ=1} fuzzes (see RELIABILITY.md).
 */
class MessageCodecFuzzTest {

    /** Jackson's buffers and the tree: a fixed part and a few dozen bytes per byte of JSON. */
    private static final AllocationLimit LIMIT = new AllocationLimit(256 * 1024, 64);

    /** Any input decodes or fails with a located {@link MessageFormatException}; what decodes round-trips. */
    @FuzzTest(maxDuration = "30m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decodesOrRejectsWithALocatedError(byte[] input) throws MessageFormatException {
        Message message;
        try {
            message = LIMIT.check(input, () -> MessageCodec.decode(input));
        } catch (MessageFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        Message again = MessageCodec.decode(message.json().toByteArray());
        assertThat(again.json()).isEqualTo(message.json());
    }
}
