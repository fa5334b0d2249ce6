// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.routing;

import java.security.SecureRandom;

/**
 * Point-to-point topics as the original's apps hand them out: random lower-case letters (32 for the zmq app,
 * 10 appended to the requested topic for Zeek). Unlike the original's, they come from a cryptographically
 * secure generator, so that one client cannot guess another's topic. Thread-safe.
 */
public final class P2pTopics {

    private static final SecureRandom RANDOM = new SecureRandom();

    private P2pTopics() {
    }

    /** Returns {@code letters} random letters {@code a}–{@code z}. */
    public static String randomLetters(int letters) {
        if (letters < 0) {
            throw new IllegalArgumentException("negative length: " + letters);
        }
        char[] topic = new char[letters];
        for (int i = 0; i < letters; i++) {
            topic[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        return new String(topic);
    }
}
