// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The repository's config.yaml.example is valid and shows every key of every implemented plugin. */
class ExampleConfigTest {

    private static final Path EXAMPLE = Path.of("..", "config.yaml.example");

    @Test
    void theExampleIsValidAndActivatesWhatItShows() throws Exception {
        Effective effective = Loader.load(EXAMPLE, Map.of(), Path.of("no-such.env"), Configs.RUNTIME);

        assertThat(effective.errors()).isEmpty();
        assertThat(effective.warnings()).isEmpty();
        assertThat(effective.configs()).extracting(PidConfig::pid).containsExactly("threatbus.logging", "threatbus.bus",
                "threatbus.metrics", "threatbus.store",
                "threatbus.backbone.inmem", "threatbus.app.zeek", "threatbus.app.misp", "threatbus.app.zmq");
    }

    @Test
    void everyKeyIsShownWithItsDefault() throws Exception {
        String text = Files.readString(EXAMPLE);
        String uncommented = text.lines().map(l -> l.replaceFirst("^(\\s*)#(\\s*\\w)", "$1$2"))
                .collect(Collectors.joining("\n"));
        for (PluginSpec spec : Schema.ALL) {
            for (KeySpec key : spec.keys()) {
                String leaf = key.key().substring(key.key().lastIndexOf('.') + 1);
                assertThat(uncommented).as(spec.path() + "." + key.key()).containsPattern("(?m)^\\s*" + leaf + ":");
            }
        }
    }
}
