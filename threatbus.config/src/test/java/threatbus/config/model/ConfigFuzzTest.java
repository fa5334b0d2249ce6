// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

import threatbus.testing.AllocationLimit;

/**
 * The config loader under coverage-guided fuzzing: YAML parsing, the environment and {@code .env} layers, and
 * the checks. Each build replays the seed corpus and every past finding ({@code ConfigFuzzTestInputs/});
 * {@code JAZZER_FUZZ=1} fuzzes (see RELIABILITY.md).
 */
class ConfigFuzzTest {

    /** SnakeYAML's reader, the node graph and the checks' messages: more per byte than the wire decoders. */
    private static final AllocationLimit LIMIT = new AllocationLimit(1024 * 1024, 256);

    /** A file is rejected with a one-line {@link ConfigFileException} or checked into problems or configs. */
    @FuzzTest(maxDuration = "30m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyFileIsRejectedInOneLineOrChecked(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Map<String, Object> yaml;
        try {
            yaml = LIMIT.check(input, () -> YamlFile.parse("config.yaml", text));
        } catch (ConfigFileException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        // the same text as a .env file and as one environment variable must not break the checks either
        Effective effective = LIMIT.check(input, () -> Checker.check(Layers.of(yaml,
                Map.of("THREATBUS_PLUGINS__APPS__ZMQ__MANAGE", text), DotEnv.parse(text)), Configs.RUNTIME));
        assertThat(effective).isNotNull();
    }
}
