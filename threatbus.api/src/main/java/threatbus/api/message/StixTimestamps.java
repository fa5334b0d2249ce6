// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * STIX 2.1 timestamps: {@code YYYY-MM-DDTHH:MM:SS[.s+]Z}, always UTC.
 *
 * <p>Parsing accepts any fractional precision from none up to nanoseconds. Formatting writes at least
 * millisecond precision (STIX 2.1 requires it for {@code created} and {@code modified}) and as many more
 * digits as the instant needs, without trailing zeros beyond the third.
 */
public final class StixTimestamps {

    private StixTimestamps() {
    }

    /** Parses a STIX timestamp; empty if {@code text} is not one. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int n = text.length();
        // fixed part: YYYY-MM-DDTHH:MM:SS = 19 chars, then optional fraction, then Z
        if (n < 20 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Optional.empty();
        }
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return Optional.empty();
            }
            for (int i = 20; i < n - 1; i++) {
                int d = digit(text, i);
                if (d < 0) {
                    return Optional.empty();
                }
                nanos = nanos * 10 + d;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a valid timestamp text is already written the way {@link #format} writes it: 3 to 9 fraction
     * digits, none of the trailing ones beyond the third a zero.
     */
    static boolean isNormal(String text) {
        int digits = text.length() - 21;
        return digits >= 3 && digits <= 9 && (digits == 3 || text.charAt(text.length() - 2) != '0');
    }

    /** Formats an instant with at least millisecond precision, e.g. {@code 2021-03-04T10:00:00.000Z}. */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(30);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        int nanos = t.getNano();
        int digits = 9;
        while (digits > 3 && nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        pad(out, nanos, digits);
        return out.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(s);
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = digit(text, i);
            if (d < 0) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int digit(String text, int i) {
        char c = text.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }
}
