// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.nio.charset.StandardCharsets;

/**
 * Finds the {@code "name"} member of a delivered indicator and reads the sequence number and send
 * time from it, without parsing the JSON: servers may reorder keys or change spacing, so the
 * position is searched for, but parsing every message would make the receiver the bottleneck.
 * One instance per receiver thread; results are left in fields so that nothing is allocated.
 */
final class NameScanner {
    /** No {@code "name": "tbbench ..."} member was found. */
    static final int FOREIGN = 0;
    /** A measured message: {@link #seq} and {@link #sendNanos} are set. */
    static final int MEASURED = 1;
    /** A warm-up message: {@link #warmupPublisher} is set. */
    static final int WARMUP = 2;

    private static final byte[] KEY = "\"name\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LABEL = "tbbench ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WARMUP_LABEL = "warmup ".getBytes(StandardCharsets.US_ASCII);

    // results of the last scan, read by the caller (fields, not a result object: no allocation)
    long seq;
    long sendNanos;
    int warmupPublisher;
    /** Set by {@link #number}. */
    private long parsed;

    /** Scans {@code frame[from, to)}, normally the JSON after the topic. */
    int scan(byte[] frame, int from, int to) {
        int i = from;
        while ((i = indexOf(frame, i, to)) >= 0) {
            int kind = value(frame, i, to);
            if (kind != FOREIGN) {
                return kind;
            }
            i += KEY.length;
        }
        return FOREIGN;
    }

    /** The offset of the first space, i.e. the end of the ZeroMQ topic, or -1. */
    static int topicEnd(byte[] frame) {
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** Reads the value of a {@code "name"} key at {@code at}; FOREIGN if it is not ours or not a key. */
    private int value(byte[] f, int at, int to) {
        // an odd number of backslashes before the quote means it is inside a string
        int backslashes = 0;
        for (int b = at - 1; b >= 0 && f[b] == '\\'; b--) {
            backslashes++;
        }
        if ((backslashes & 1) != 0) {
            return FOREIGN;
        }
        int i = skipSpace(f, at + KEY.length, to);
        if (i >= to || f[i] != ':') {
            return FOREIGN;
        }
        i = skipSpace(f, i + 1, to);
        if (i >= to || f[i] != '"' || !startsWith(f, i + 1, to, LABEL)) {
            return FOREIGN;
        }
        i += 1 + LABEL.length;
        if (startsWith(f, i, to, WARMUP_LABEL)) {
            i += WARMUP_LABEL.length;
            int end = number(f, i, to);
            if (end < 0 || end >= to || f[end] != ' ') {
                return FOREIGN;
            }
            warmupPublisher = (int) Math.min(parsed, Integer.MAX_VALUE);
            return WARMUP;
        }
        int end = number(f, i, to);
        if (end < 0 || end >= to || f[end] != ' ') {
            return FOREIGN;
        }
        long s = parsed;
        end = number(f, end + 1, to);
        if (end < 0 || end >= to || f[end] != '"') {
            return FOREIGN;
        }
        seq = s;
        sendNanos = parsed;
        return MEASURED;
    }

    /** Reads an optionally negative decimal at {@code i} into {@link #parsed}; returns its end or -1. */
    private int number(byte[] f, int i, int to) {
        boolean negative = i < to && f[i] == '-';
        if (negative) {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < to && f[i] >= '0' && f[i] <= '9' && i - start < 19) {
            value = value * 10 + (f[i] - '0');
            i++;
        }
        if (i == start) {
            return -1;
        }
        parsed = negative ? -value : value;
        return i;
    }

    private static int indexOf(byte[] f, int from, int to) {
        int last = to - KEY.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (f[i] != '"') {
                continue;
            }
            for (int k = 1; k < KEY.length; k++) {
                if (f[i + k] != KEY[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] f, int at, int to, byte[] prefix) {
        if (to - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (f[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(byte[] f, int i, int to) {
        while (i < to && (f[i] == ' ' || f[i] == '\t' || f[i] == '\n' || f[i] == '\r')) {
            i++;
        }
        return i;
    }
}
