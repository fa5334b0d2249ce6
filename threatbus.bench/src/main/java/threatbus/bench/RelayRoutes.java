// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The relay's subscriptions: p2p topic to topic prefixes. Used from the relay's one thread only. */
final class RelayRoutes {
    /** One subscription; bytes are kept ready for the forwarding loop. */
    record Route(String p2p, byte[] p2pBytes, byte[][] prefixes) {
        /** True if one of the prefixes starts {@code frame[0, topicEnd)}. */
        boolean matches(byte[] frame, int topicEnd) {
            outer:
            for (byte[] prefix : prefixes) {
                if (prefix.length > topicEnd) {
                    continue;
                }
                for (int i = 0; i < prefix.length; i++) {
                    if (frame[i] != prefix[i]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    private final Map<String, Route> byP2p = new HashMap<>();
    /** A copy of the values for the hot loop, rebuilt on every (rare) change. */
    private Route[] routes = new Route[0];

    /** Adds a subscription to the given topic prefixes and returns its new p2p topic. */
    String add(List<String> topics) {
        String p2p;
        do {
            p2p = randomTopic();
        } while (byP2p.containsKey(p2p));
        byte[][] prefixes = new byte[topics.size()][];
        for (int i = 0; i < prefixes.length; i++) {
            prefixes[i] = topics.get(i).getBytes(StandardCharsets.UTF_8);
        }
        byP2p.put(p2p, new Route(p2p, p2p.getBytes(StandardCharsets.US_ASCII), prefixes));
        routes = byP2p.values().toArray(new Route[0]);
        return p2p;
    }

    boolean remove(String p2p) {
        boolean removed = byP2p.remove(p2p) != null;
        if (removed) {
            routes = byP2p.values().toArray(new Route[0]);
        }
        return removed;
    }

    boolean contains(String p2p) {
        return byP2p.containsKey(p2p);
    }

    Route[] routes() {
        return routes;
    }

    /** 32 random lowercase letters, like the original. */
    private static String randomTopic() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] letters = new char[32];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }
}
