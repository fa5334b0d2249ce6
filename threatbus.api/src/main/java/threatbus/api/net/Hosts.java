// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Host names as the configuration gives them. */
public final class Hosts {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Hosts() {
    }

    /**
     * Whether a configured host is this machine's loopback: {@code localhost}, an IPv4 address in 127.0.0.0/8,
     * or {@code ::1} (bracketed or not). Any other name counts as not loopback without being looked up: a
     * lookup can block, and what a name resolves to can change after the check.
     */
    public static boolean isLoopback(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV4.matcher(h).matches()) {
            return h.startsWith("127.");
        }
        if (h.indexOf(':') < 0) {
            return false;
        }
        try {
            // an IPv6 literal: parsed, never looked up
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
