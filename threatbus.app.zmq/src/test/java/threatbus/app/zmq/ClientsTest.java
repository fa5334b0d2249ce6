// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import threatbus.api.message.MessageType;
import threatbus.api.message.SnapshotRequest;
import threatbus.testing.TestBus;

/** Relaying snapshot requests and expiring silent apps. */
class ClientsTest {

    private final TestBus bus = new TestBus();
    private final Clients clients = new Clients();

    private Client subscribed(String p2p, RecordingSink sink, Duration snapshot) {
        Client client = new Client(p2p, List.of("stix2/indicator"), sink);
        clients.add(client);
        client.subscription(bus.subscribe(List.of("stix2/indicator"), snapshot, client));
        return client;
    }

    @Test
    void relaysASnapshotRequestToEveryAppButTheRequester() {
        RecordingSink requesterSink = new RecordingSink();
        RecordingSink otherSink = new RecordingSink();
        RecordingSink busySink = new RecordingSink();
        busySink.busy = true;
        Client requester = subscribed("a".repeat(32), requesterSink, Duration.ofDays(30));
        subscribed("b".repeat(32), otherSink, Duration.ZERO);
        subscribed("c".repeat(32), busySink, Duration.ZERO);
        String id = requester.subscription().snapshotId().orElseThrow();

        clients.relay(new SnapshotRequest(MessageType.INDICATOR, id, Duration.ofDays(30)));

        assertThat(requesterSink.frames).isEmpty();
        assertThat(otherSink.frames).singleElement().asString().startsWith("b".repeat(32) + "snapshotrequest ");
        assertThat(clients.requestsRelayed()).isEqualTo(1);
        assertThat(clients.requestsNotRelayed()).isEqualTo(1);
    }

    @Test
    void expiresAppsThatStoppedHeartbeating() throws Exception {
        Client silent = subscribed("a".repeat(32), new RecordingSink(), Duration.ZERO);
        Client alive = subscribed("b".repeat(32), new RecordingSink(), Duration.ZERO);
        Thread.sleep(150); // ages the first heartbeats past the timeout; the margin covers a stalled thread
        alive.heartbeat();

        clients.expireSilent(Duration.ofMillis(100).toNanos());

        assertThat(clients.contains(silent.p2p())).isFalse();
        assertThat(silent.subscription().isActive()).isFalse();
        assertThat(clients.contains(alive.p2p())).isTrue();
        assertThat(clients.expired()).isEqualTo(1);
    }
}
