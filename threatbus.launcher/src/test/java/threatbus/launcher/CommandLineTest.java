// SPDX-License-Identifier: BSD-3-Clause
package threatbus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of the original: -c/--config with a yaml or yml file that exists, defaults in the cwd. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfigTheDefaultNamesAreTriedInOrder() throws Exception {
        assertThat(CommandLine.parse(new String[0], dir).file()).isNull();
        Files.writeString(dir.resolve("config.yml"), "");
        assertThat(CommandLine.parse(new String[0], dir).file()).isEqualTo(dir.resolve("config.yml"));
        Files.writeString(dir.resolve("config.yaml"), "");
        assertThat(CommandLine.parse(new String[] {"--check"}, dir))
                .isEqualTo(new CommandLine(dir.resolve("config.yaml"), true, false));
    }

    @Test
    void aGivenFileIsResolvedInEveryForm() throws Exception {
        Files.writeString(dir.resolve("bus.yaml"), "");
        Path expected = dir.resolve("bus.yaml");
        assertThat(CommandLine.parse(new String[] {"-c", "bus.yaml"}, dir).file()).isEqualTo(expected);
        assertThat(CommandLine.parse(new String[] {"--config", expected.toString()}, dir).file()).isEqualTo(expected);
        assertThat(CommandLine.parse(new String[] {"--config=bus.yaml", "--check"}, dir).check()).isTrue();
    }

    @Test
    void aNonYamlOrMissingFileIsRejectedWithExitCodeOne() throws IOException {
        Files.writeString(dir.resolve("bus.json"), "");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"-c", "bus.json"}, dir))
                .hasMessage("Please provide a `yaml` or `yml` configuration file (got bus.json)")
                .satisfies(e -> assertThat(((CommandLine.Rejected) e).exitCode).isEqualTo(1));
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"-c", "missing.yaml"}, dir))
                .hasMessage("config file not found: " + dir.resolve("missing.yaml"))
                .satisfies(e -> assertThat(((CommandLine.Rejected) e).exitCode).isEqualTo(1));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--verbose"}, dir))
                .hasMessage("unknown argument --verbose (see --help)")
                .satisfies(e -> assertThat(((CommandLine.Rejected) e).exitCode).isEqualTo(2));
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"-c"}, dir)).hasMessage("-c needs a file");
    }
}
