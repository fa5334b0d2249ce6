// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import threatbus.app.zeek.broker.data.BrokerDataException;
import threatbus.app.zeek.broker.data.Varbyte;

/**
 * Broker's subscription filter on the wire ({@code filter_type}): a varbyte count, then each topic prefix as a
 * varbyte length and its UTF-8 bytes. Used by {@code originator_syn}, {@code responder_syn_ack} and the
 * payload of {@code routing_update}.
 */
public final class Filter {

    private Filter() {
    }

    /** Appends the encoding of {@code topics}, in iteration order. */
    public static void write(Collection<String> topics, ByteArrayOutputStream out) {
        Varbyte.write(topics.size(), out);
        for (String topic : topics) {
            byte[] b = topic.getBytes(StandardCharsets.UTF_8);
            Varbyte.write(b.length, out);
            out.writeBytes(b);
        }
    }

    public static byte[] encode(Collection<String> topics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(topics, out);
        return out.toByteArray();
    }

    /**
     * Reads a filter at the buffer's position and advances past it. Never allocates more than the input holds,
     * whatever the announced counts and lengths.
     */
    public static List<String> read(ByteBuffer in) throws BrokerProtocolException {
        try {
            long count = Varbyte.read(in);
            // Each entry takes at least one byte, which bounds a hostile count before anything is allocated.
            if (count > in.remaining()) {
                throw malformed("filter announces " + count + " topics in " + in.remaining() + " bytes");
            }
            List<String> topics = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                long length = Varbyte.read(in);
                if (length > in.remaining()) {
                    throw malformed("topic of " + length + " bytes in " + in.remaining() + " bytes");
                }
                byte[] b = new byte[(int) length];
                in.get(b);
                topics.add(new String(b, StandardCharsets.UTF_8));
            }
            return Collections.unmodifiableList(topics);
        } catch (BrokerDataException e) {
            throw malformed("bad size in filter: " + e.getMessage());
        }
    }

    /** Decodes a whole buffer that holds exactly one filter. */
    public static List<String> decode(byte[] bytes) throws BrokerProtocolException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<String> topics = read(in);
        if (in.hasRemaining()) {
            throw malformed(in.remaining() + " trailing bytes after filter");
        }
        return topics;
    }

    /** Broker's delivery rule: a topic matches if any filter entry is a string prefix of it. */
    public static boolean matches(Collection<String> filter, String topic) {
        for (String prefix : filter) {
            if (topic.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static BrokerProtocolException malformed(String what) {
        return new BrokerProtocolException(BrokerProtocolException.Kind.MALFORMED, what, BrokerError.INVALID_MESSAGE);
    }
}
