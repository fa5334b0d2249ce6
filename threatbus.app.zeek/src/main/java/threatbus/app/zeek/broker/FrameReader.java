// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads Broker frames: a big-endian {@code u32} length, then that many bytes. Used in every phase (the
 * connector's handshake framing and CAF's length-prefix framing are the same). Allocates at most the
 * configured maximum per frame, however large the announced length.
 */
public final class FrameReader {

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] header = new byte[4];
    private long frames;
    private long bytes;

    public FrameReader(InputStream in, int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        }
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next frame's payload, or {@code null} if the stream ended cleanly between frames.
     *
     * @throws BrokerProtocolException for a zero or oversized length, or a stream that ends inside a frame
     * @throws IOException if reading fails
     */
    public byte[] read() throws IOException, BrokerProtocolException {
        int got = readUpTo(header, 4);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            throw new BrokerProtocolException(BrokerProtocolException.Kind.FRAMING, "stream ends inside a length");
        }
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8)
                | (header[3] & 0xFF);
        if (length == 0) {
            // Broker drops the connection on an empty frame (connect_state::continue_reading).
            throw new BrokerProtocolException(BrokerProtocolException.Kind.FRAMING, "frame of length 0");
        }
        if (length > maxFrameBytes) {
            throw new BrokerProtocolException(BrokerProtocolException.Kind.FRAMING,
                    "frame of " + length + " bytes exceeds the limit of " + maxFrameBytes);
        }
        byte[] payload = new byte[(int) length];
        if (readUpTo(payload, payload.length) < payload.length) {
            throw new BrokerProtocolException(BrokerProtocolException.Kind.FRAMING,
                    "stream ends inside a frame of " + length + " bytes");
        }
        frames++;
        bytes += 4 + length;
        return payload;
    }

    /** Frames read so far. Not thread-safe: read it on the reading thread. */
    public long frames() {
        return frames;
    }

    /** Bytes read so far, length prefixes included. */
    public long bytes() {
        return bytes;
    }

    private int readUpTo(byte[] buf, int n) throws IOException {
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                break;
            }
            off += r;
        }
        return off;
    }
}
