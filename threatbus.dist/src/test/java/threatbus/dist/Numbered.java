// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import threatbus.api.message.Indicator;
import threatbus.api.message.Message;

/** Indicators named by a number, and a subscriber that keeps the numbers it receives, in order. */
final class Numbered {

    private static final Instant T = Instant.parse("2022-06-01T08:30:00Z");

    private final List<Integer> received = new ArrayList<>();

    static Indicator indicator(int n) {
        return Indicator.builder().created(T).name(Integer.toString(n)).pattern("[domain-name:value = 'evil.com']")
                .build();
    }

    synchronized void add(Message message) {
        received.add(Integer.parseInt(((Indicator) message).name().orElseThrow()));
    }

    synchronized int size() {
        return received.size();
    }

    synchronized List<Integer> all() {
        return new ArrayList<>(received);
    }
}
