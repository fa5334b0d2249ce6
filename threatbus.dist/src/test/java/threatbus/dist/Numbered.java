// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import threatbus.api.message.Indicator;
import threatbus.api.message.Message;

/** Indicators named by a number, and a subscriber that keeps the numbers it receives, in order. */
final class Numbered {

    private static final Instant T = Instant.parse("2022-06-01T08:30:00Z");
    private static final String ID_FORMAT = "indicator--00000000-0000-4000-8000-%012d";
    private static final Pattern NUMBERED_ID = Pattern.compile("indicator--00000000-0000-4000-8000-(\\d{12})");

    private final List<Integer> received = new ArrayList<>();

    static Indicator indicator(int n) {
        return Indicator.builder().created(T).name(Integer.toString(n)).pattern("[domain-name:value = 'evil.com']")
                .build();
    }

    /** Like {@link #indicator} with the number in the id too, for consumers that see only the id (Zeek). */
    static Indicator withNumberedId(int n) {
        return Indicator.builder().id(String.format(ID_FORMAT, n)).created(T).name(Integer.toString(n))
                .pattern("[domain-name:value = 'evil.com']").build();
    }

    /** The number in the first numbered id in {@code text}, or -1. */
    static int numberInId(String text) {
        Matcher id = NUMBERED_ID.matcher(text);
        return id.find() ? Integer.parseInt(id.group(1)) : -1;
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
