// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records handler calls in queues, so tests wait on them instead of sleeping. */
final class RecordingHandler implements PeerHandler {

    record Data(BrokerPeer peer, String topic, byte[] payload) {
    }

    record Lost(BrokerPeer peer, String reason) {
    }

    final BlockingQueue<BrokerPeer> added = new LinkedBlockingQueue<>();
    final BlockingQueue<Data> data = new LinkedBlockingQueue<>();
    final BlockingQueue<Lost> lost = new LinkedBlockingQueue<>();

    @Override
    public void peerAdded(BrokerPeer peer) {
        added.add(peer);
    }

    @Override
    public void dataReceived(BrokerPeer peer, String topic, byte[] payload) {
        data.add(new Data(peer, topic, payload));
    }

    @Override
    public void peerLost(BrokerPeer peer, String reason) {
        lost.add(new Lost(peer, reason));
    }

    static <T> T take(BlockingQueue<T> queue, Duration timeout) throws InterruptedException {
        T t = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (t == null) {
            throw new AssertionError("nothing arrived within " + timeout);
        }
        return t;
    }
}
