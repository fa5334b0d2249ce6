// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

/** Broker's {@code p2p_message_type}: the first byte of every handshake message and the type of an envelope. */
final class MessageType {

    static final int DATA = 1;
    static final int COMMAND = 2;
    static final int ROUTING_UPDATE = 3;
    static final int PING = 4;
    static final int PONG = 5;
    static final int HELLO = 6;
    static final int PROBE = 7;
    static final int VERSION_SELECT = 8;
    static final int DROP_CONN = 9;
    static final int ORIGINATOR_SYN = 10;
    static final int RESPONDER_SYN_ACK = 11;
    static final int ORIGINATOR_ACK = 12;

    private MessageType() {
    }
}
