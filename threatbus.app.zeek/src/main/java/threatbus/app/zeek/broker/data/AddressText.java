// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Text and {@link InetAddress} forms of 16-byte Broker addresses. Parsing is done here rather than by {@code InetAddress.getByName},
 * which falls back to a DNS lookup for some malformed literals and accepts BSD shorthands such as {@code 10.1}.
 */
final class AddressText {

    /** The first twelve bytes of an IPv4-mapped IPv6 address ({@code ::ffff:0:0/96}). */
    static final byte[] V4_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    private AddressText() {
    }

    static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < V4_PREFIX.length; i++) {
            if (bytes[i] != V4_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] fromInet(InetAddress address) {
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            byte[] mapped = Arrays.copyOf(V4_PREFIX, 16);
            System.arraycopy(raw, 0, mapped, 12, 4);
            return mapped;
        }
        return raw;
    }

    static InetAddress toInet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(isV4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes.clone());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    /** Zeroes every bit after the first {@code bits}, as Broker's subnet constructor does. */
    static byte[] mask(byte[] bytes, int bits) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            out[i] &= (byte) (0xFF00 >>> keep);
        }
        return out;
    }

    /**
     * Formats like glibc's {@code inet_ntop}, which Zeek and Broker use: dotted quad for IPv4-mapped addresses,
     * otherwise lower-case hex with the longest run (the first one on a tie) of at least two zero groups written
     * as {@code ::}, and the IPv4-compatible form {@code ::a.b.c.d}.
     */
    static String format(byte[] bytes) {
        if (isV4Mapped(bytes)) {
            return dottedQuad(bytes, 12);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (bytes[2 * i] & 0xFF) << 8 | (bytes[2 * i + 1] & 0xFF);
        }
        int base = -1;
        int len = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > len && j - i >= 2) {
                base = i;
                len = j - i;
            }
            i = Math.max(j, i + 1);
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (base >= 0 && i >= base && i < base + len) {
                if (i == base) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && base == 0 && len == 6) {
                return sb.append(dottedQuad(bytes, 12)).toString();
            }
            sb.append(Integer.toHexString(words[i]));
        }
        if (base >= 0 && base + len == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    private static String dottedQuad(byte[] bytes, int from) {
        return (bytes[from] & 0xFF) + "." + (bytes[from + 1] & 0xFF) + "." + (bytes[from + 2] & 0xFF) + "."
                + (bytes[from + 3] & 0xFF);
    }

    /** Parses an IPv4 or IPv6 literal into 16 bytes (IPv4 as v4-mapped). */
    static byte[] parse(String text) {
        byte[] out = new byte[16];
        if (text.indexOf(':') < 0) {
            System.arraycopy(V4_PREFIX, 0, out, 0, 12);
            parseV4(text, out, 12);
        } else {
            parseV6(text, out);
        }
        return out;
    }

    private static void parseV4(String text, byte[] out, int at) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid(text);
        }
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !digits(p, 10)) {
                throw invalid(text);
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                throw invalid(text);
            }
            out[at + i] = (byte) value;
        }
    }

    private static void parseV6(String text, byte[] out) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw invalid(text);
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap), text, gap < 0);
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), text, true);
        int words = head.length + tail.length;
        if (gap < 0 ? words != 8 : words > 7) {
            throw invalid(text);
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (all[i] >>> 8);
            out[2 * i + 1] = (byte) all[i];
        }
    }

    /** Splits one side of {@code ::} into 16-bit words; an IPv4 tail is allowed only at the very end. */
    private static int[] groups(String part, String text, boolean last) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] items = part.split(":", -1);
        int n = items.length;
        boolean v4Tail = last && items[n - 1].indexOf('.') >= 0;
        int[] words = new int[v4Tail ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String g = items[i];
            if (v4Tail && i == n - 1) {
                byte[] quad = new byte[4];
                parseV4(g, quad, 0);
                words[i] = (quad[0] & 0xFF) << 8 | (quad[1] & 0xFF);
                words[i + 1] = (quad[2] & 0xFF) << 8 | (quad[3] & 0xFF);
            } else if (g.isEmpty() || g.length() > 4 || !digits(g, 16)) {
                throw invalid(text);
            } else {
                words[i] = Integer.parseInt(g, 16);
            }
        }
        return words;
    }

    private static boolean digits(String s, int radix) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hex = radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
            if (!(c >= '0' && c <= '9') && !hex) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not an IPv4 or IPv6 address: " + text);
    }
}
