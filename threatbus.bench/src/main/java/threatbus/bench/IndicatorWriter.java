// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes {@code <topic> <indicator JSON>} frames byte by byte, in the key order and with the
 * separators of Python's json.dumps over a stix2 Indicator. Everything but the send time is
 * written by {@code prepare}; {@link #finish} only adds the send time and the padding, so the
 * timestamp is taken as late as possible. One instance per publisher thread.
 */
final class IndicatorWriter {
    private static final byte[] H_ID = ascii("{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"indicator--");
    private static final byte[] H_CREATED = ascii("\", \"created\": \"");
    private static final byte[] H_MODIFIED = ascii("\", \"modified\": \"");
    private static final byte[] H_NAME = ascii("\", \"name\": \"tbbench ");
    private static final byte[] WARMUP = ascii("warmup ");
    private static final byte[] T_DESCRIPTION = ascii("\", \"description\": \"");
    private static final byte[] T_PATTERN = ascii("\", \"pattern\": \"[ipv4-addr:value = '10.");
    private static final byte[] T_VALID_FROM = ascii(
            "']\", \"pattern_type\": \"stix\", \"pattern_version\": \"2.1\", \"valid_from\": \"");
    private static final byte[] T_END = ascii("\"}");
    private static final byte[] HEX = ascii("0123456789abcdef");
    private static final int MAX_PADDING = 1 << 18;
    private static final byte[] PADDING = padding();

    private final byte[] topicPrefix;
    private final int targetSize;
    /** The frame up to the send time, and the part after the padding. */
    private final byte[] head = new byte[512];
    private final byte[] tail = new byte[256];
    private int headLen;
    private int tailLen;
    private boolean withNanos;

    /** {@code YYYY-MM-DDTHH:MM:SS.ffffffZ}; the part up to the dot changes once a second. */
    private final byte[] stamp = new byte[27];
    private long stampSecond = Long.MIN_VALUE;

    /**
     * @param topic the topic the frame is sent on, e.g. {@code stix2/indicator}
     * @param targetSize the JSON size to pad to; smaller targets give the unpadded size
     */
    IndicatorWriter(String topic, int targetSize) {
        if (targetSize > MAX_PADDING) {
            throw new IllegalArgumentException("size above " + MAX_PADDING);
        }
        this.topicPrefix = (topic + " ").getBytes(StandardCharsets.UTF_8);
        this.targetSize = targetSize;
    }

    /** Starts the measured message {@code seq}; its name is {@code tbbench <seq> <send nanos>}. */
    void prepare(long seq) {
        writeCommon(seq);
        headLen = putLong(head, headLen, seq);
        head[headLen++] = ' ';
        withNanos = true;
    }

    /** Starts a warm-up message, named {@code tbbench warmup <publisher> <n>}. */
    void prepareWarmup(int publisher, long n) {
        writeCommon(n);
        headLen = put(head, headLen, WARMUP);
        headLen = putLong(head, headLen, publisher);
        head[headLen++] = ' ';
        headLen = putLong(head, headLen, n);
        withNanos = false;
    }

    /** Returns a fresh frame (the socket owns it after the send) with the send time written in. */
    byte[] finish(long sendNanos) {
        int nanosLen = withNanos ? digits(sendNanos) : 0;
        int json = headLen - topicPrefix.length + nanosLen + T_DESCRIPTION.length + tailLen;
        int pad = Math.max(0, targetSize - json);
        byte[] frame = new byte[headLen + nanosLen + T_DESCRIPTION.length + pad + tailLen];
        System.arraycopy(head, 0, frame, 0, headLen);
        int at = headLen;
        if (withNanos) {
            at = putLong(frame, at, sendNanos);
        }
        at = put(frame, at, T_DESCRIPTION);
        System.arraycopy(PADDING, 0, frame, at, pad);
        System.arraycopy(tail, 0, frame, at + pad, tailLen);
        return frame;
    }

    /** Everything but the name's label: id, timestamps, pattern. */
    private void writeCommon(long seq) {
        updateStamp(Instant.now());
        int at = put(head, 0, topicPrefix);
        at = put(head, at, H_ID);
        at = putUuid(head, at);
        at = put(head, at, H_CREATED);
        at = put(head, at, stamp);
        at = put(head, at, H_MODIFIED);
        at = put(head, at, stamp);
        headLen = put(head, at, H_NAME);

        at = put(tail, 0, T_PATTERN);
        at = putLong(tail, at, (seq >>> 16) & 0xff);
        tail[at++] = '.';
        at = putLong(tail, at, (seq >>> 8) & 0xff);
        tail[at++] = '.';
        at = putLong(tail, at, seq & 0xff);
        at = put(tail, at, T_VALID_FROM);
        at = put(tail, at, stamp);
        tailLen = put(tail, at, T_END);
    }

    private void updateStamp(Instant now) {
        long second = now.getEpochSecond();
        if (second != stampSecond) {
            stampSecond = second;
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            fixed(stamp, 0, t.getYear(), 4);
            stamp[4] = '-';
            fixed(stamp, 5, t.getMonthValue(), 2);
            stamp[7] = '-';
            fixed(stamp, 8, t.getDayOfMonth(), 2);
            stamp[10] = 'T';
            fixed(stamp, 11, t.getHour(), 2);
            stamp[13] = ':';
            fixed(stamp, 14, t.getMinute(), 2);
            stamp[16] = ':';
            fixed(stamp, 17, t.getSecond(), 2);
            stamp[19] = '.';
            stamp[26] = 'Z';
        }
        fixed(stamp, 20, now.getNano() / 1000, 6);
    }

    /** A random (version 4) UUID; java.util.UUID.randomUUID() would lock on a shared SecureRandom. */
    private static int putUuid(byte[] out, int at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xf000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        at = hex(out, at, msb >>> 32, 8);
        out[at++] = '-';
        at = hex(out, at, msb >>> 16, 4);
        out[at++] = '-';
        at = hex(out, at, msb, 4);
        out[at++] = '-';
        at = hex(out, at, lsb >>> 48, 4);
        out[at++] = '-';
        return hex(out, at, lsb, 12);
    }

    private static int hex(byte[] out, int at, long value, int nibbles) {
        for (int i = nibbles - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        return at + nibbles;
    }

    private static void fixed(byte[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int n = value < 0 ? 2 : 1;
        for (long v = Math.abs(value); v >= 10; v /= 10) {
            n++;
        }
        return n;
    }

    static int putLong(byte[] out, int at, long value) {
        int n = digits(value);
        if (value == Long.MIN_VALUE) {
            byte[] text = ascii(Long.toString(value));
            return put(out, at, text);
        }
        int end = at + n;
        if (value < 0) {
            out[at] = '-';
            value = -value;
        }
        int i = end;
        do {
            out[--i] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        return end;
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] padding() {
        byte[] text = ascii("tbbench padding to the target size. ");
        byte[] pad = new byte[MAX_PADDING];
        for (int i = 0; i < pad.length; i++) {
            pad[i] = text[i % text.length];
        }
        return pad;
    }
}
