// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a frame of MISP's ZeroMQ publisher, {@code "<topic> <json>"}, at the first space.
 *
 * <p>The topic must be exactly {@value #TOPIC}: the subscription is a byte-prefix filter, so a future
 * {@code misp_json_attribute_...} topic would arrive too, and its documents have another shape.
 */
record AttributeFrame(Kind kind, String topic, byte[] json) {

    static final String TOPIC = "misp_json_attribute";

    enum Kind {
        ATTRIBUTE, OTHER_TOPIC, NO_SPACE, EMPTY
    }

    private static final int MAX_TOPIC_IN_LOG = 64;

    static AttributeFrame parse(byte[] frame) {
        int space = indexOf(frame, (byte) ' ');
        if (space < 0) {
            return new AttributeFrame(Kind.NO_SPACE, null, null);
        }
        String topic = new String(frame, 0, Math.min(space, MAX_TOPIC_IN_LOG), StandardCharsets.UTF_8);
        if (space != TOPIC.length() || !topic.equals(TOPIC)) {
            return new AttributeFrame(Kind.OTHER_TOPIC, topic, null);
        }
        if (space == frame.length - 1) {
            return new AttributeFrame(Kind.EMPTY, topic, null);
        }
        return new AttributeFrame(Kind.ATTRIBUTE, topic, Arrays.copyOfRange(frame, space + 1, frame.length));
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
