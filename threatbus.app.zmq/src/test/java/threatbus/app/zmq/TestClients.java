// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import org.zeromq.ZMQ;

/** How the tests' JeroMQ clients connect to the app. */
final class TestClients {

    /**
     * JeroMQ 0.6's client side of a handshake stalls now and then: an authenticated one about 4 in 60 in a
     * stand-alone loop (also against JeroMQ's own ZAuth), one without security about 1 in 70 between two
     * contexts; a libzmq client such as pyzmq did not. Only the handshake timer (30 s by default) redoes such
     * a connection, so the tests' clients set a short one.
     */
    static final int HANDSHAKE_MILLIS = 500;

    private TestClients() {
    }

    /** Connects {@code socket} to the app's port on the loopback address. */
    static ZMQ.Socket connect(ZMQ.Socket socket, int port) {
        socket.setHandshakeIvl(HANDSHAKE_MILLIS);
        socket.connect("tcp://127.0.0.1:" + port);
        return socket;
    }
}
