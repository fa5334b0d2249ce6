// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.nio.charset.StandardCharsets;

import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.api.message.StixObject;
import threatbus.app.zmq.Intake.Rejection;

/**
 * Reads a frame an app sent: {@code "<topic> <json>"}, split at the first space. A {@code stix2/…} topic
 * carries an indicator or a sighting (the suffix is not checked: the bus routes by type, as the original
 * did); {@code threatbus/snapshotenvelope} carries an answer to a snapshot request.
 */
final class FrameDecoder {

    private static final byte[] STIX2 = "stix2/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENVELOPE = "threatbus/snapshotenvelope".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_QUOTED_TOPIC = 60;

    /** A decoded message, or why there is none. */
    record Result(Message message, Rejection rejection, String detail) {
        static Result of(Message message) {
            return new Result(message, null, null);
        }

        static Result rejected(Rejection rejection, String detail) {
            return new Result(null, rejection, detail);
        }
    }

    private final int maxFrameBytes;

    FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    Result decode(byte[] frame) {
        if (frame.length > maxFrameBytes) {
            return Result.rejected(Rejection.OVERSIZED, frame.length + " bytes, limit " + maxFrameBytes);
        }
        int space = indexOf(frame, (byte) ' ');
        if (space < 0) {
            return Result.rejected(Rejection.NO_SEPARATOR, "frame of " + frame.length + " bytes");
        }
        boolean stix = startsWith(frame, STIX2, space);
        boolean envelope = space == ENVELOPE.length && startsWith(frame, ENVELOPE, space);
        if (!stix && !envelope) {
            return Result.rejected(Rejection.UNKNOWN_TOPIC, "topic " + quote(frame, space));
        }
        Message message;
        try {
            message = MessageCodec.decode(frame, space + 1, frame.length - space - 1);
        } catch (MessageFormatException e) {
            return Result.rejected(Rejection.MALFORMED, "on " + quote(frame, space) + ": " + e.getMessage());
        }
        if (stix ? !(message instanceof StixObject) : !(message instanceof SnapshotEnvelope)) {
            return Result.rejected(Rejection.WRONG_TYPE, "a " + message.typeName() + " on " + quote(frame, space));
        }
        return Result.of(message);
    }

    private static int indexOf(byte[] frame, byte b) {
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] frame, byte[] prefix, int limit) {
        if (limit < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (frame[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The topic, quoted, cut and with anything unprintable escaped, so that a log line cannot be forged. */
    private static String quote(byte[] frame, int length) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(length, MAX_QUOTED_TOPIC); i++) {
            int c = frame[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        }
        return out.append(length > MAX_QUOTED_TOPIC ? "...\"" : "\"").toString();
    }
}
