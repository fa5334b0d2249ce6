// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.time.Instant;

/**
 * The store's ordered text keys. Numbers are written as 16 digits so that keys sort as the numbers do: the
 * date-added key is epoch microseconds, a time key epoch milliseconds, then {@code |} and a name.
 */
final class StoreKeys {

    private StoreKeys() {
    }

    /** The added-order key of a time: objects added after it sort after it. */
    static String addedKey(Instant time) {
        return sixteenDigits(micros(time));
    }

    static Instant addedTime(String addedKey) {
        long micros = Long.parseLong(addedKey);
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }

    /** A key that sorts by time: epoch milliseconds (negative times sort first), then a name. */
    static String timeKey(Instant time, String name) {
        return sixteenDigits(Math.max(0, time.toEpochMilli())) + '|' + name;
    }

    static Instant timeOf(String timeKey) {
        return Instant.ofEpochMilli(Long.parseLong(timeKey.substring(0, 16)));
    }

    static long micros(Instant time) {
        return Math.max(0, time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000);
    }

    /** A non-negative number as 16 digits. */
    static String sixteenDigits(long number) {
        String digits = Long.toString(number);
        return "0".repeat(Math.max(0, 16 - digits.length())) + digits;
    }
}
