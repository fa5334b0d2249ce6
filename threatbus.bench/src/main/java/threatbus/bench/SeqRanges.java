// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

/**
 * Splits sequence numbers {@code 0..N-1} into one contiguous range per publisher, so that a
 * receiver can tell from a sequence number alone which publisher sent it (for reordering, which
 * is only meaningful per publisher).
 */
final class SeqRanges {
    private final int messages;
    private final int publishers;
    private final int base;
    private final int remainder;

    SeqRanges(int messages, int publishers) {
        if (publishers < 1) {
            throw new IllegalArgumentException("publishers < 1");
        }
        this.messages = messages;
        this.publishers = publishers;
        this.base = messages / publishers;
        this.remainder = messages % publishers;
    }

    int messages() {
        return messages;
    }

    int publishers() {
        return publishers;
    }

    /** First sequence number of publisher {@code p}; the first {@code remainder} publishers send one more. */
    int start(int p) {
        return p * base + Math.min(p, remainder);
    }

    /** One past the last sequence number of publisher {@code p}. */
    int end(int p) {
        return start(p + 1);
    }

    int publisherOf(int seq) {
        int bigRanges = remainder * (base + 1);
        return seq < bigRanges ? seq / (base + 1) : remainder + (seq - bigRanges) / base;
    }
}
