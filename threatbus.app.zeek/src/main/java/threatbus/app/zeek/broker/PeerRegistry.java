// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The endpoint's peerings, the IDs with a handshake under way, and our filter. One lock orders filter changes
 * against peer registration, so that no peer misses a routing update.
 */
final class PeerRegistry {

    private final Object lock = new Object();
    private final Map<EndpointId, BrokerPeer> peers = new HashMap<>();
    private final Set<EndpointId> claimed = new HashSet<>();
    private volatile List<String> filter = List.of();

    List<String> filter() {
        return filter;
    }

    /** Replaces our filter (sorted, for stable encodings) and tells every peer if it changed. */
    void subscriptions(Set<String> topics) {
        List<String> next = List.copyOf(new TreeSet<>(topics));
        synchronized (lock) {
            if (next.equals(filter)) {
                return;
            }
            filter = next;
            peers.values().forEach(peer -> peer.sendRoutingUpdate(next));
        }
    }

    /** Reserves an ID for a handshake; false if it is peered or being peered already (a redundant connection). */
    boolean claim(EndpointId id) {
        synchronized (lock) {
            return !peers.containsKey(id) && claimed.add(id);
        }
    }

    void release(EndpointId id) {
        synchronized (lock) {
            claimed.remove(id);
        }
    }

    /**
     * Turns a claim into a peering. If our filter changed after the handshake announced {@code announced}, the
     * peer gets the current one at once.
     */
    boolean add(BrokerPeer peer, List<String> announced) {
        synchronized (lock) {
            if (!claimed.remove(peer.id())) {
                return false;
            }
            peers.put(peer.id(), peer);
            if (!announced.equals(filter)) {
                peer.sendRoutingUpdate(filter);
            }
            return true;
        }
    }

    void remove(BrokerPeer peer) {
        synchronized (lock) {
            peers.remove(peer.id(), peer);
        }
    }

    List<BrokerPeer> peers() {
        synchronized (lock) {
            return new ArrayList<>(peers.values());
        }
    }
}
