// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.testpeer;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The test peer's own Broker wire code, written from the spec's byte layouts and deliberately sharing nothing
 * with the production codecs, so that a bug mirrored on both sides cannot pass.
 */
public final class RawWire {

    public static final int MAGIC = 0x5A45454B;
    public static final int DATA = 1, COMMAND = 2, ROUTING_UPDATE = 3, PING = 4, PONG = 5, HELLO = 6, PROBE = 7,
            VERSION_SELECT = 8, DROP_CONN = 9, ORIGINATOR_SYN = 10, RESPONDER_SYN_ACK = 11, ORIGINATOR_ACK = 12;

    private RawWire() {
    }

    /** A decoded handshake message: its tag and whatever fields it has. */
    public record Hs(int tag, int magic, byte[] sender, int v1, int v2, List<String> filter, String text) {
    }

    /** A decoded phase-3 message. */
    public record Op(byte[] sender, byte[] receiver, int type, int ttl, String topic, byte[] payload) {
    }

    public static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    public static byte[] readFrame(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n <= 0 || n > (1 << 24)) {
            throw new IOException("bad frame length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    public static byte[] hello(byte[] id, int min, int max) {
        return ByteBuffer.allocate(23).put((byte) HELLO).putInt(MAGIC).put(id).put((byte) min).put((byte) max)
                .array();
    }

    public static byte[] versionSelect(byte[] id) {
        return ByteBuffer.allocate(22).put((byte) VERSION_SELECT).putInt(MAGIC).put(id).put((byte) 1).array();
    }

    public static byte[] filterMessage(int tag, List<String> topics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        out.writeBytes(filter(topics));
        return out.toByteArray();
    }

    public static byte[] filter(List<String> topics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varbyte(out, topics.size());
        for (String t : topics) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            varbyte(out, b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    public static void varbyte(ByteArrayOutputStream out, int n) {
        int x = n;
        while ((x & ~0x7F) != 0) {
            out.write((x & 0x7F) | 0x80);
            x >>>= 7;
        }
        out.write(x);
    }

    public static int unvarbyte(ByteBuffer in) {
        int x = 0;
        for (int shift = 0;; shift += 7) {
            int b = in.get() & 0xFF;
            x |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return x;
            }
        }
    }

    public static List<String> unfilter(ByteBuffer in) {
        int n = unvarbyte(in);
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[unvarbyte(in)];
            in.get(b);
            topics.add(new String(b, StandardCharsets.UTF_8));
        }
        return topics;
    }

    public static Hs parseHs(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        int tag = in.get();
        byte[] id = new byte[16];
        switch (tag) {
            case HELLO: {
                int magic = in.getInt();
                in.get(id);
                return new Hs(tag, magic, id, in.get(), in.get(), null, null);
            }
            case PROBE:
                return new Hs(tag, in.getInt(), null, 0, 0, null, null);
            case VERSION_SELECT: {
                int magic = in.getInt();
                in.get(id);
                return new Hs(tag, magic, id, in.get(), 0, null, null);
            }
            case DROP_CONN: {
                int magic = in.getInt();
                in.get(id);
                int code = in.get() & 0xFF;
                byte[] text = new byte[unvarbyte(in)];
                in.get(text);
                return new Hs(tag, magic, id, code, 0, null, new String(text, StandardCharsets.UTF_8));
            }
            case ORIGINATOR_SYN:
            case RESPONDER_SYN_ACK:
                return new Hs(tag, 0, null, 0, 0, unfilter(in), null);
            case ORIGINATOR_ACK:
                return new Hs(tag, 0, null, 0, 0, null, null);
            default:
                throw new IllegalStateException("unexpected handshake tag " + tag);
        }
    }

    public static byte[] op(byte[] sender, byte[] receiver, int type, String topic, byte[] payload) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(37 + t.length + payload.length).put(sender).put(receiver).put((byte) type)
                .putShort((short) 16).putShort((short) t.length).put(t).put(payload).array();
    }

    public static Op parseOp(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        byte[] sender = new byte[16];
        byte[] receiver = new byte[16];
        in.get(sender).get(receiver);
        int type = in.get();
        int ttl = in.getShort() & 0xFFFF;
        byte[] topic = new byte[in.getShort() & 0xFFFF];
        in.get(topic);
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        return new Op(sender, receiver, type, ttl, new String(topic, StandardCharsets.UTF_8), payload);
    }
}
