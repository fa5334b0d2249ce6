// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Subscription;
import threatbus.api.message.SnapshotRequest;

/** The apps subscribed through the management socket, by p2p topic. Thread-safe. */
final class Clients {

    private static final Logger LOG = LoggerFactory.getLogger(Clients.class);

    private final Map<String, Client> byP2p = new ConcurrentHashMap<>();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong requestsRelayed = new AtomicLong();
    private final AtomicLong requestsNotRelayed = new AtomicLong();

    void add(Client client) {
        byP2p.put(client.p2p(), client);
    }

    Client get(String p2p) {
        return byP2p.get(p2p);
    }

    boolean contains(String p2p) {
        return byP2p.containsKey(p2p);
    }

    Collection<Client> all() {
        return List.copyOf(byP2p.values());
    }

    /** Ends a client's subscription; false if the p2p topic is unknown. */
    boolean remove(String p2p) {
        Client client = byP2p.remove(p2p);
        if (client == null) {
            return false;
        }
        client.close();
        Subscription subscription = client.subscription();
        if (subscription != null) {
            subscription.unsubscribe();
        }
        return true;
    }

    /** Ends every subscription whose app stayed silent longer than {@code timeoutNanos}. */
    void expireSilent(long timeoutNanos) {
        for (Client client : all()) {
            if (client.silentNanos() > timeoutNanos && remove(client.p2p())) {
                expired.incrementAndGet();
                LOG.info("Subscription {} of an app to {} expired: no heartbeat for {} s", client.p2p(), client.topics(),
                        timeoutNanos / 1_000_000_000L);
            }
        }
    }

    /**
     * Passes a snapshot request to every app but the one that asked (spec §3.3), so that apps holding history
     * can answer with envelopes. An app that cannot take it right now is skipped and counted.
     */
    void relay(SnapshotRequest request) {
        for (Client client : all()) {
            Subscription subscription = client.subscription();
            // an app still subscribing cannot be told apart from the requester yet: it is left out
            if (subscription == null || subscription.snapshotId().filter(request.snapshotId()::equals).isPresent()) {
                continue;
            }
            if (client.offer(request)) {
                requestsRelayed.incrementAndGet();
            } else {
                requestsNotRelayed.incrementAndGet();
            }
        }
    }

    /** Ends every subscription (the endpoint stops). */
    void clear() {
        new ArrayList<>(byP2p.keySet()).forEach(this::remove);
    }

    long expired() {
        return expired.get();
    }

    long requestsRelayed() {
        return requestsRelayed.get();
    }

    long requestsNotRelayed() {
        return requestsNotRelayed.get();
    }
}
