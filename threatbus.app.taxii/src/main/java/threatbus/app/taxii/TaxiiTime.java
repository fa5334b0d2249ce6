// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** TAXII's timestamps: written with microseconds (the precision of {@code date_added}), read as RFC 3339. */
final class TaxiiTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TaxiiTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** A timestamp a client sent; a {@link BadRequest} naming the expected form if it is none. */
    static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("not a timestamp: " + value + " (e.g. 2026-11-29T10:00:00.000000Z)");
        }
    }
}
