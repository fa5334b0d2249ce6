// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A phase-3 message ({@code envelope::deserialize}, {@code wire_format::v1::trait::convert}): sender and
 * receiver IDs, type, TTL, a topic of at most 65535 bytes and a type-specific payload that runs to the end of
 * the frame. The payload is opaque here; for data envelopes it is one encoded {@code broker::data} value.
 * Records compare arrays by identity, so compare payloads with {@code Arrays.equals}.
 */
public record Envelope(EndpointId sender, EndpointId receiver, EnvelopeType type, int ttl, String topic,
        byte[] payload) {

    /** Broker's {@code defaults::ttl}; Broker sends it and does not enforce it on receipt. */
    public static final int DEFAULT_TTL = 16;

    /** The topic Broker uses for its own messages (routing updates, pings); reserved for applications. */
    public static final String INTERNAL_TOPIC = "<$>";

    /** Fixed part: two IDs, type, TTL and topic length. */
    static final int HEADER_SIZE = 2 * EndpointId.SIZE + 1 + 2 + 2;

    private static final int MAX_TOPIC_BYTES = 0xFFFF;

    public Envelope {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (ttl < 0 || ttl > 0xFFFF) {
            throw new IllegalArgumentException("TTL out of u16 range: " + ttl);
        }
    }

    /** A data envelope broadcast to subscribers (receiver nil), with the default TTL. */
    public static Envelope data(EndpointId sender, String topic, byte[] payload) {
        return new Envelope(sender, EndpointId.nil(), EnvelopeType.DATA, DEFAULT_TTL, topic, payload);
    }

    /** The answer to a ping, as {@code pong_envelope::make}: same topic and payload, back to its sender. */
    public static Envelope pongFor(Envelope ping, EndpointId self) {
        return new Envelope(self, ping.sender(), EnvelopeType.PONG, DEFAULT_TTL, ping.topic(), ping.payload());
    }

    /** A routing update that announces our complete filter to {@code receiver}. */
    public static Envelope routingUpdate(EndpointId self, EndpointId receiver, java.util.Collection<String> filter) {
        return new Envelope(self, receiver, EnvelopeType.ROUTING_UPDATE, DEFAULT_TTL, INTERNAL_TOPIC,
                Filter.encode(filter));
    }

    /**
     * The frame payload for this envelope.
     *
     * @throws IllegalArgumentException if the topic is longer than 65535 bytes in UTF-8
     */
    public byte[] encode() {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        if (topicBytes.length > MAX_TOPIC_BYTES) {
            throw new IllegalArgumentException("topic exceeds 65535 bytes: " + topicBytes.length);
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + topicBytes.length + payload.length);
        out.put(sender.toBytes());
        out.put(receiver.toBytes());
        out.put((byte) type.code());
        out.putShort((short) ttl);
        out.putShort((short) topicBytes.length);
        out.put(topicBytes);
        out.put(payload);
        return out.array();
    }

    /**
     * Decodes one frame payload.
     *
     * @throws BrokerProtocolException (kind {@code MALFORMED}) for a short frame, a topic running past the
     *         frame, or an unknown type
     */
    public static Envelope decode(byte[] frame) throws BrokerProtocolException {
        if (frame.length < HEADER_SIZE) {
            throw malformed("envelope of " + frame.length + " bytes is shorter than its " + HEADER_SIZE
                    + "-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        try {
            EndpointId sender = readId(in);
            EndpointId receiver = readId(in);
            int code = in.get() & 0xFF;
            int ttl = in.getShort() & 0xFFFF;
            int topicLength = in.getShort() & 0xFFFF;
            if (topicLength > in.remaining()) {
                throw malformed("topic of " + topicLength + " bytes in " + in.remaining() + " remaining");
            }
            EnvelopeType type = EnvelopeType.of(code).orElseThrow(() -> malformed("invalid envelope type " + code));
            byte[] topic = new byte[topicLength];
            in.get(topic);
            byte[] payload = new byte[in.remaining()];
            in.get(payload);
            // Broker treats topics as raw bytes; malformed UTF-8 is replaced here rather than refused.
            return new Envelope(sender, receiver, type, ttl, new String(topic, StandardCharsets.UTF_8), payload);
        } catch (BufferUnderflowException e) {
            throw malformed("envelope ends early");
        }
    }

    private static EndpointId readId(ByteBuffer in) {
        byte[] id = new byte[EndpointId.SIZE];
        in.get(id);
        return EndpointId.of(id);
    }

    private static BrokerProtocolException malformed(String what) {
        return new BrokerProtocolException(BrokerProtocolException.Kind.MALFORMED, what);
    }

    @Override
    public String toString() {
        return "Envelope[" + type + " " + sender + "->" + receiver + " ttl=" + ttl + " topic=" + topic + " payload="
                + payload.length + " bytes]";
    }
}
