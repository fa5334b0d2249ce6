// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.security.SecureRandom;

/**
 * Point-to-point topics: 32 random lower-case letters, as the original hands out. Unlike the original's,
 * they come from a cryptographically secure generator, so that one client cannot guess another's.
 */
final class P2pTopics {

    static final int LENGTH = 32;

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] topic = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            topic[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(topic);
    }
}
