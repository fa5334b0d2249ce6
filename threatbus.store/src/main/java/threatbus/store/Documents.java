// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.message.StixObject;

/**
 * The values of the store's documents: a tag byte, then the object's JSON as the bus's codec wrote it. The tag
 * tells kinds and versions apart without decoding the JSON.
 */
final class Documents {

    /** The tag of an indicator's latest version. */
    static final byte INDICATOR = 'i';
    /** The tag of an earlier version of an indicator, kept for its history. */
    static final byte SUPERSEDED = 'v';
    static final byte SIGHTING = 's';

    private Documents() {
    }

    static byte[] tagged(byte tag, StixObject object) {
        byte[] json = object.json().toByteArray();
        byte[] out = new byte[json.length + 1];
        out[0] = tag;
        System.arraycopy(json, 0, out, 1, json.length);
        return out;
    }

    /** A copy of a document with another tag; stored values are never changed in place. */
    static byte[] retagged(byte[] document, byte tag) {
        byte[] out = document.clone();
        out[0] = tag;
        return out;
    }

    /** The object of a tagged document. */
    static <T extends StixObject> T decode(byte[] document, Class<T> type) {
        try {
            Message message = MessageCodec.decode(document, 1, document.length - 1);
            if (!type.isInstance(message)) {
                throw new IllegalStateException("the store holds a " + message.typeName() + " where a "
                        + type.getSimpleName() + " belongs");
            }
            return type.cast(message);
        } catch (MessageFormatException e) {
            // only what the bus's codec wrote is stored; a record it cannot read is a corrupt file
            throw new IllegalStateException("the store holds a record the codec cannot read: " + e.getMessage(), e);
        }
    }
}
