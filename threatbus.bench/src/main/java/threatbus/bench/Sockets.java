// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import org.zeromq.ZMQ;

/** How the load generator connects its sockets. */
final class Sockets {
    /**
     * JeroMQ 0.6.0 sometimes (here 1 to 6 % of connects) completes the TCP connect of a connecting
     * socket but never sends its ZMTP greeting: a race in its I/O poller when the connecter hands
     * the channel to the engine (zeromq/jeromq pull request 1022). Only the handshake timer gets
     * such a connection going again, by dropping and redoing it; its default of 30 s would stall
     * a manage request or the warm-up, so it is short here. Bound (server) sockets are not affected.
     */
    static final int HANDSHAKE_IVL_MS = 500;

    private Sockets() {
    }

    static void connect(ZMQ.Socket socket, Endpoint endpoint) {
        socket.setHandshakeIvl(HANDSHAKE_IVL_MS);
        socket.connect(endpoint.toString());
    }
}
