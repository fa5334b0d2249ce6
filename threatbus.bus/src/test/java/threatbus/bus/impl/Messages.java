// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.time.Instant;

import threatbus.api.message.Indicator;
import threatbus.api.message.Sighting;

/** Test messages. */
final class Messages {

    private static final Instant T = Instant.parse("2022-06-01T08:30:00Z");

    private Messages() {
    }

    static Indicator indicator(int n) {
        return Indicator.builder().created(T).name("indicator " + n)
                .pattern("[ipv4-addr:value = '10.0." + (n / 256 % 256) + "." + (n % 256) + "']").build();
    }

    static Sighting sighting(int n) {
        return Sighting.builder().created(T).sightingOfRef("indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01")
                .count(n + 1).build();
    }

    static int number(threatbus.api.message.Message message) {
        String name = ((Indicator) message).name().orElseThrow();
        return Integer.parseInt(name.substring("indicator ".length()));
    }
}
