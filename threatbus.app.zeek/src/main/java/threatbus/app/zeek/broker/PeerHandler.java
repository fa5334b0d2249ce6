// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

/**
 * Receives what happens on peerings. All calls for one peer come from that peer's reader thread, in order;
 * a slow handler slows down reading from that peer only. Exceptions thrown here are logged and ignored.
 */
public interface PeerHandler {

    /** The handshake succeeded; called before any {@link #dataReceived} for the peer. */
    void peerAdded(BrokerPeer peer);

    /** A data envelope for us (or broadcast); {@code payload} is one encoded {@code broker::data} value. */
    void dataReceived(BrokerPeer peer, String topic, byte[] payload);

    /** The peering ended; the last call for this peer. */
    void peerLost(BrokerPeer peer, String reason);
}
