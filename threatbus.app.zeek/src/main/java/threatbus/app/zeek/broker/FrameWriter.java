// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes Broker frames: a big-endian {@code u32} length, then the payload. Does not flush, so that a
 * writer can batch frames and flush when its queue runs dry.
 */
public final class FrameWriter {

    private final OutputStream out;
    private final byte[] header = new byte[4];
    private long frames;
    private long bytes;

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes one frame; an empty payload is refused because Broker drops the connection on one. */
    public void write(byte[] payload) throws IOException {
        if (payload.length == 0) {
            throw new IllegalArgumentException("Broker does not accept empty frames");
        }
        int n = payload.length;
        header[0] = (byte) (n >>> 24);
        header[1] = (byte) (n >>> 16);
        header[2] = (byte) (n >>> 8);
        header[3] = (byte) n;
        out.write(header);
        out.write(payload);
        frames++;
        bytes += 4L + n;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Frames written so far. Not thread-safe: read it on the writing thread. */
    public long frames() {
        return frames;
    }

    /** Bytes written so far, length prefixes included. */
    public long bytes() {
        return bytes;
    }
}
