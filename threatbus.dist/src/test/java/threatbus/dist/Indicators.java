// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.util.UUID;

/** STIX indicators as JSON text, as apps send them. */
final class Indicators {

    private Indicators() {
    }

    static String json(String name, String pattern) {
        return "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"indicator--" + UUID.randomUUID()
                + "\", \"created\": \"2022-05-16T12:00:00.123456Z\", \"modified\": \"2022-05-16T12:00:00.123456Z\", "
                + "\"name\": \"" + name + "\", \"pattern\": \"" + pattern + "\", \"pattern_type\": \"stix\", "
                + "\"pattern_version\": \"2.1\", \"valid_from\": \"2022-05-16T12:00:00.123456Z\"}";
    }

    static String sighting(String indicatorId) {
        return "{\"type\": \"sighting\", \"spec_version\": \"2.1\", \"id\": \"sighting--" + UUID.randomUUID()
                + "\", \"created\": \"2022-05-16T12:00:01.654321Z\", \"modified\": \"2022-05-16T12:00:01.654321Z\", "
                + "\"sighting_of_ref\": \"" + indicatorId + "\", \"x_threatbus_source\": \"it\"}";
    }

    /** The value of {@code "name"} in a frame or JSON text. */
    static String name(String text) {
        return text.replaceAll("(?s).*\"name\": \"([^\"]*)\".*", "$1");
    }
}
