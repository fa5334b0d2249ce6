// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import threatbus.app.zeek.broker.HandshakeMessage.DropConn;
import threatbus.app.zeek.broker.HandshakeMessage.Hello;
import threatbus.app.zeek.broker.HandshakeMessage.OriginatorAck;
import threatbus.app.zeek.broker.HandshakeMessage.OriginatorSyn;
import threatbus.app.zeek.broker.HandshakeMessage.Probe;
import threatbus.app.zeek.broker.HandshakeMessage.ResponderSynAck;
import threatbus.app.zeek.broker.HandshakeMessage.VersionSelect;
import threatbus.app.zeek.broker.data.BrokerDataException;
import threatbus.app.zeek.broker.data.Varbyte;

/**
 * Encodes and decodes handshake frame payloads: a type byte, then the fields in network order. Decoding
 * applies Broker's own checks ({@code wire_format::check}) and reports failures with the {@code drop_conn}
 * code Broker would send. Like Broker's decoder, bytes after a complete message are ignored.
 */
public final class HandshakeCodec {

    private HandshakeCodec() {
    }

    /** The frame payload for {@code message} (without the length prefix). */
    public static byte[] encode(HandshakeMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        if (message instanceof Hello h) {
            out.write(MessageType.HELLO);
            writeMagicAndId(out, h.sender());
            out.write(h.minVersion());
            out.write(h.maxVersion());
        } else if (message instanceof Probe) {
            out.write(MessageType.PROBE);
            writeInt(out, HandshakeMessage.MAGIC);
        } else if (message instanceof VersionSelect v) {
            out.write(MessageType.VERSION_SELECT);
            writeMagicAndId(out, v.sender());
            out.write(v.version());
        } else if (message instanceof DropConn d) {
            out.write(MessageType.DROP_CONN);
            writeMagicAndId(out, d.sender());
            out.write(d.code().code());
            byte[] text = d.description().getBytes(StandardCharsets.UTF_8);
            Varbyte.write(text.length, out);
            out.writeBytes(text);
        } else if (message instanceof OriginatorSyn s) {
            out.write(MessageType.ORIGINATOR_SYN);
            Filter.write(s.filter(), out);
        } else if (message instanceof ResponderSynAck s) {
            out.write(MessageType.RESPONDER_SYN_ACK);
            Filter.write(s.filter(), out);
        } else if (message instanceof OriginatorAck) {
            out.write(MessageType.ORIGINATOR_ACK);
        } else {
            throw new IllegalArgumentException("not a handshake message: " + message);
        }
        return out.toByteArray();
    }

    /**
     * Decodes one frame payload.
     *
     * @throws BrokerProtocolException if the payload is not a valid handshake message; its drop code is the
     *         one Broker sends for the problem
     */
    public static HandshakeMessage decode(byte[] payload) throws BrokerProtocolException {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            int tag = in.get() & 0xFF;
            return switch (tag) {
                case MessageType.HELLO -> decodeHello(in);
                case MessageType.PROBE -> {
                    checkMagic(in.getInt(), "probe");
                    yield new Probe();
                }
                case MessageType.VERSION_SELECT -> decodeVersionSelect(in);
                case MessageType.DROP_CONN -> decodeDropConn(in);
                case MessageType.ORIGINATOR_SYN -> new OriginatorSyn(Filter.read(in));
                case MessageType.RESPONDER_SYN_ACK -> new ResponderSynAck(Filter.read(in));
                case MessageType.ORIGINATOR_ACK -> new OriginatorAck();
                default -> throw malformed("invalid message type tag " + tag);
            };
        } catch (BufferUnderflowException e) {
            throw malformed("handshake message of " + payload.length + " bytes is too short");
        }
    }

    private static Hello decodeHello(ByteBuffer in) throws BrokerProtocolException {
        int magic = in.getInt();
        EndpointId sender = readId(in);
        int min = in.get() & 0xFF;
        int max = in.get() & 0xFF;
        checkMagic(magic, "hello");
        if (min > HandshakeMessage.PROTOCOL_VERSION || max < HandshakeMessage.PROTOCOL_VERSION) {
            throw new BrokerProtocolException(BrokerProtocolException.Kind.INCOMPATIBLE_VERSION,
                    "unsupported versions offered: " + min + "-" + max, BrokerError.PEER_INCOMPATIBLE);
        }
        return new Hello(sender, min, max);
    }

    private static VersionSelect decodeVersionSelect(ByteBuffer in) throws BrokerProtocolException {
        int magic = in.getInt();
        EndpointId sender = readId(in);
        int version = in.get() & 0xFF;
        checkMagic(magic, "version_select");
        if (version != HandshakeMessage.PROTOCOL_VERSION) {
            throw new BrokerProtocolException(BrokerProtocolException.Kind.INCOMPATIBLE_VERSION,
                    "unsupported version selected: " + version, BrokerError.PEER_INCOMPATIBLE);
        }
        return new VersionSelect(sender, version);
    }

    private static DropConn decodeDropConn(ByteBuffer in) throws BrokerProtocolException {
        int magic = in.getInt();
        EndpointId sender = readId(in);
        int code = in.get() & 0xFF;
        long length;
        try {
            length = Varbyte.read(in);
        } catch (BrokerDataException e) {
            throw malformed("bad description size in drop_conn: " + e.getMessage());
        }
        if (length > in.remaining()) {
            throw malformed("drop_conn description of " + length + " bytes in " + in.remaining());
        }
        byte[] text = new byte[(int) length];
        in.get(text);
        checkMagic(magic, "drop_conn");
        String description = new String(text, StandardCharsets.UTF_8);
        BrokerError error = BrokerError.of(code).orElseThrow(() -> new BrokerProtocolException(
                BrokerProtocolException.Kind.MALFORMED, "drop_conn with unknown code " + code + ": " + description,
                BrokerError.UNSPECIFIED));
        return new DropConn(sender, error, description);
    }

    private static void checkMagic(int magic, String what) throws BrokerProtocolException {
        if (magic != HandshakeMessage.MAGIC) {
            throw new BrokerProtocolException(BrokerProtocolException.Kind.WRONG_MAGIC,
                    String.format("%s with wrong magic number 0x%08x", what, magic), BrokerError.WRONG_MAGIC_NUMBER);
        }
    }

    private static EndpointId readId(ByteBuffer in) {
        byte[] id = new byte[EndpointId.SIZE];
        in.get(id);
        return EndpointId.of(id);
    }

    private static void writeMagicAndId(ByteArrayOutputStream out, EndpointId id) {
        writeInt(out, HandshakeMessage.MAGIC);
        out.writeBytes(id.toBytes());
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static BrokerProtocolException malformed(String what) {
        return new BrokerProtocolException(BrokerProtocolException.Kind.MALFORMED, what, BrokerError.INVALID_MESSAGE);
    }
}
