// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class YamlFileTest {

    @Test
    void aCollectionThatContainsItselfIsAOneLineError() {
        // found by fuzzing: copying it recursed until the stack overflowed
        assertThatThrownBy(() -> YamlFile.parse("config.yaml", "a: &x [*x]\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage("config.yaml: not valid here: a YAML alias refers to a collection that contains it "
                        + "(e.g. a: &x [*x]), which no configuration needs");
        assertThatThrownBy(() -> YamlFile.parse("config.yaml", "a: &m {b: *m}\n"))
                .isInstanceOf(ConfigFileException.class);
    }

    @Test
    void anAliasUsedTwiceIsCopiedTwice() throws Exception {
        Map<String, Object> yaml = YamlFile.parse("config.yaml", "a: &x [1, 2]\nb: *x\n");

        assertThat(yaml).containsEntry("a", List.of(1, 2)).containsEntry("b", List.of(1, 2));
    }

    @Test
    void aTextAtTheTopIsNamedOnOneLineAndShortened() {
        // found by fuzzing: a multi-line text was repeated as it was, breaking the one-line error
        assertThatThrownBy(() -> YamlFile.parse("config.yaml", "plugin\n\n\n:Tenzir\n\n\n a\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage("config.yaml: expected a mapping of keys (logging:, plugins:) at the top, got "
                        + "\"plugin\\n\\n:Tenzir\\n\\na\"");
        assertThatThrownBy(() -> YamlFile.parse("config.yaml", "x".repeat(500)))
                .hasMessageEndingWith("got \"" + "x".repeat(80) + "\"... (500 characters)");
    }
}
