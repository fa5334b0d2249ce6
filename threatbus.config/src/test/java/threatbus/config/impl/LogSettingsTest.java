// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The logging section's levels in Logback's terms, and the root level the original derived from them. */
class LogSettingsTest {

    @Test
    void pythonLevelsMapToLogbacks() {
        assertThat(LogSettings.level("WARNING")).isEqualTo("WARN");
        assertThat(LogSettings.level("critical")).isEqualTo("ERROR");
        assertThat(LogSettings.level("DEBUG")).isEqualTo("DEBUG");
    }

    @Test
    void theRootLevelIsTheMoreVerboseOfTheEnabledOutputs() {
        assertThat(new LogSettings(true, "WARN", true, "DEBUG", "f").rootLevel()).isEqualTo("DEBUG");
        assertThat(new LogSettings(true, "INFO", false, "DEBUG", "f").rootLevel()).isEqualTo("INFO");
        assertThat(new LogSettings(false, "INFO", true, "ERROR", "f").rootLevel()).isEqualTo("ERROR");
        assertThat(new LogSettings(false, "INFO", false, "DEBUG", "f").rootLevel()).isEqualTo("OFF");
    }

    @Test
    void theLineFormatIsTheOriginals() {
        // %(asctime)s %(levelname)-8s [%(name)s] %(message)s, with Python's level names
        assertThat(LogSettings.PATTERN).startsWith("%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} %-8replace(%level){'^WARN$', 'WARNING'} ")
                .endsWith("[%logger{0}] %msg%n");
    }
}
