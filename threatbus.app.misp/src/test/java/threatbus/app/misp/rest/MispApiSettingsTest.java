// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Settings validation, endpoint URIs, and a toString that hides the key. */
class MispApiSettingsTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void toStringMasksTheKey() {
        MispApiSettings settings = new MispApiSettings(URI.create("https://misp.example"), KEY, true, Duration.ofSeconds(5));

        assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=****", "https://misp.example");
    }

    @Test
    void endpointsKeepAPathPrefix() {
        MispApiSettings settings = new MispApiSettings(URI.create("https://intel.example/misp/"), KEY, true,
                Duration.ofSeconds(5));

        assertThat(settings.endpoint("/sightings/add")).isEqualTo(URI.create("https://intel.example/misp/sightings/add"));
    }

    @Test
    void rejectsBadSettingsWithoutEchoingTheKey() {
        assertThatThrownBy(() -> new MispApiSettings(URI.create("ftp://misp"), KEY, true, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MispApiSettings(URI.create("https://misp"), " ", true, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MispApiSettings(URI.create("https://misp"), KEY + "\r\nX: y", true,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).message().doesNotContain(KEY);
        assertThatThrownBy(() -> new MispApiSettings(URI.create("https://misp"), KEY, true, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
