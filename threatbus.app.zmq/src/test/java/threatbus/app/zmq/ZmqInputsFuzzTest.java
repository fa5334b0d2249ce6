// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import threatbus.testing.AllocationLimit;
import threatbus.testing.TestBus;

/**
 * What apps send to the zmq endpoint, under coverage-guided fuzzing: frames on the sub port and requests on
 * the management port. Each build replays the seed corpus and every past finding
 * ({@code ZmqInputsFuzzTestInputs/}); {@code JAZZER_FUZZ=1} fuzzes (see RELIABILITY.md).
 */
class ZmqInputsFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AllocationLimit LIMIT = new AllocationLimit(256 * 1024, 64);
    private final FrameDecoder frames = new FrameDecoder(64 * 1024);
    private final ManagementProtocol management = new ManagementProtocol(ManagementProtocolTest.settings(""),
            new TestBus(), new Clients(), new RecordingSink());

    /** A frame decodes to a message or to a rejection with a reason, never to an exception. */
    @FuzzTest(maxDuration = "30m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void frameDecodesOrIsRejectedWithAReason(byte[] frame) {
        FrameDecoder.Result result = LIMIT.check(frame, () -> frames.decode(frame));

        assertThat(result.message() == null).isEqualTo(result.rejection() != null);
        if (result.rejection() != null) {
            assertThat(result.detail()).isNotBlank();
        }
    }

    /** Every request gets a JSON object with a status, as the original's clients expect. */
    @FuzzTest(maxDuration = "30m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void managementRequestGetsAStatusReply(byte[] request) throws IOException {
        JsonNode reply = JSON.readTree(LIMIT.check(request, () -> management.handle(request)));

        assertThat(reply.isObject()).isTrue();
        assertThat(reply.path("status").isTextual()).as("reply %s", reply).isTrue();
    }
}
