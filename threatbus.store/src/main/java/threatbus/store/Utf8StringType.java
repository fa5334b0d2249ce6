// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.StringDataType;

/**
 * MVStore's string type with the strings written as UTF-8 in one copy. The store's maps are keyed by random
 * ids, so each commit rewrites nearly every leaf it touched; MVStore's own type encodes those keys one
 * character at a time, and that encoding took most of a profile of the store under load.
 */
final class Utf8StringType extends StringDataType {

    static final Utf8StringType INSTANCE = new Utf8StringType();

    private Utf8StringType() {
    }

    @Override
    public void write(WriteBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.putVarInt(bytes.length).put(bytes);
    }

    @Override
    public String read(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
