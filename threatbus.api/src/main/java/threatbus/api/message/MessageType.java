// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

import java.util.Optional;

/** The kinds of STIX data a snapshot can ask for. The integer codes go on the wire. */
public enum MessageType {
    INDICATOR(1, Topics.INDICATOR),
    SIGHTING(2, Topics.SIGHTING);

    private final int code;
    private final String topic;

    MessageType(int code, String topic) {
        this.code = code;
        this.topic = topic;
    }

    /** The wire code: 1 for indicators, 2 for sightings. */
    public int code() {
        return code;
    }

    /** The topic messages of this type travel on. */
    public String topic() {
        return topic;
    }

    /** The type with the given wire code, if there is one. */
    public static Optional<MessageType> ofCode(long code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
