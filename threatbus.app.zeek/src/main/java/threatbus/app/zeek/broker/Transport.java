// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The byte streams of one accepted connection after any TLS handshake. Closing always closes the TCP socket
 * first, so that it never waits on a peer that does not read and it wakes threads blocked in socket I/O.
 */
final class Transport implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Closeable layer;
    private final String protection;

    Transport(Socket socket, InputStream in, OutputStream out, Closeable layer, String protection) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.layer = layer;
        this.protection = protection;
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    /** E.g. "plain" or "TLSv1.2 TLS_ECDH_anon_WITH_AES_256_CBC_SHA", for logs. */
    String protection() {
        return protection;
    }

    /** Sends FIN after what was written, where the transport allows it (plain TCP only). */
    void shutdownOutput() {
        if (layer == null) {
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                // Already closed or reset: nothing left to finish.
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
        if (layer != null) {
            closeQuietly(layer);
        }
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // Closing is best effort; the socket is gone either way.
        }
    }
}
