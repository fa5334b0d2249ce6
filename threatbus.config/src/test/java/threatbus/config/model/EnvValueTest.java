// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Environment values are typed as Dynaconf typed them: TOML where the text is TOML, else a string. */
class EnvValueTest {

    @Test
    void tomlScalarsAreTyped() {
        assertThat(EnvValue.parse("true")).isEqualTo(true);
        assertThat(EnvValue.parse("false")).isEqualTo(false);
        assertThat(EnvValue.parse("13370")).isEqualTo(13370);
        assertThat(EnvValue.parse("-5")).isEqualTo(-5);
        assertThat(EnvValue.parse("1_000")).isEqualTo(1000);
        assertThat(EnvValue.parse("0x1F")).isEqualTo(31);
        assertThat(EnvValue.parse("9999999999")).isEqualTo(9_999_999_999L);
        assertThat(EnvValue.parse("1.5")).isEqualTo(1.5);
        assertThat(EnvValue.parse("1e3")).isEqualTo(1000.0);
    }

    @Test
    void whatIsNotTomlStaysText() {
        assertThat(EnvValue.parse("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(EnvValue.parse("localhost")).isEqualTo("localhost");
        assertThat(EnvValue.parse("True")).isEqualTo("True");
        assertThat(EnvValue.parse("abc")).isEqualTo("abc");
        assertThat(EnvValue.parse("")).isEqualTo("");
        assertThat(EnvValue.parse("https://misp.example.org")).isEqualTo("https://misp.example.org");
        assertThat(EnvValue.parse("[unclosed")).isEqualTo("[unclosed");
    }

    @Test
    void quotedStringsArraysAndTables() {
        assertThat(EnvValue.parse("\"13370\"")).isEqualTo("13370");
        assertThat(EnvValue.parse("'a\\b'")).isEqualTo("a\\b");
        assertThat(EnvValue.parse("\"tab\\there\"")).isEqualTo("tab\there");
        assertThat(EnvValue.parse("[\"misp_attribute\", \"other\"]")).isEqualTo(List.of("misp_attribute", "other"));
        assertThat(EnvValue.parse("[1, 2, [true]]")).isEqualTo(List.of(1, 2, List.of(true)));
        assertThat(EnvValue.parse("{}")).isEqualTo(Map.of());
        assertThat(EnvValue.parse("{ host = \"localhost\", port = 50000 }"))
                .isEqualTo(Map.of("host", "localhost", "port", 50000));
    }

    @Test
    void dynaconfCastsForceAType() {
        assertThat(EnvValue.parse("@str 13370")).isEqualTo("13370");
        assertThat(EnvValue.parse("@int 42")).isEqualTo(42);
        assertThat(EnvValue.parse("@float 2")).isEqualTo(2.0);
        assertThat(EnvValue.parse("@bool yes")).isEqualTo(true);
        assertThat(EnvValue.parse("@json {\"a\": [1]}")).isEqualTo(Map.of("a", List.of(1)));
        assertThat(EnvValue.parse("@none")).isNull();
    }
}
