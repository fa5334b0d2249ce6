// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class P2pTopicsTest {

    @Test
    void randomLettersAreLowerCaseAsciiOfTheAskedLength() {
        assertThat(P2pTopics.randomLetters(32)).matches("[a-z]{32}");
        assertThat(P2pTopics.randomLetters(10)).matches("[a-z]{10}");
        assertThat(P2pTopics.randomLetters(0)).isEmpty();
    }

    @Test
    void topicsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(P2pTopics.randomLetters(10));
        }
        // 26^10 possibilities: a repeat among 10 000 would point at a broken generator
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void everyLetterOccurs() {
        String letters = P2pTopics.randomLetters(10_000);
        assertThat(letters.chars().distinct().count()).isEqualTo(26);
    }

    @Test
    void negativeLengthIsRejected() {
        assertThatThrownBy(() -> P2pTopics.randomLetters(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
