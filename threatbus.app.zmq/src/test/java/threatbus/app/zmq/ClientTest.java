// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageType;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.api.message.SnapshotRequest;
import threatbus.api.message.StixObject;

/** Frames to one app: {@code "<p2p><type> <json>"}, held back while the app cannot take them. */
class ClientTest {

    private static final String P2P = "abcdefghijklmnopqrstuvwxyzabcdef";
    private final RecordingSink sink = new RecordingSink();
    private final Client client = new Client(P2P, List.of("stix2/"), sink);

    @Test
    void framesEachTypeWithItsSuffix() throws Exception {
        client.onMessage(MessageCodec.decode(FrameDecoderTest.INDICATOR));
        client.onMessage(MessageCodec.decode(FrameDecoderTest.SIGHTING));
        client.onMessage(new SnapshotRequest(MessageType.INDICATOR, "acfb005d-1a1c-4fd7-aaa9-54f12c6291b6",
                Duration.ofDays(30)));

        assertThat(sink.frames).containsExactly(
                P2P + "indicator " + FrameDecoderTest.INDICATOR,
                P2P + "sighting " + FrameDecoderTest.SIGHTING,
                P2P + "snapshotrequest {\"type\": \"snapshotrequest\", \"snapshot_type\": 1, \"snapshot_id\": "
                        + "\"acfb005d-1a1c-4fd7-aaa9-54f12c6291b6\", \"snapshot\": 2592000}");
        assertThat(client.sent()).isEqualTo(3);
    }

    @Test
    void skipsEnvelopesWhichTheBusUnwraps() throws Exception {
        StixObject body = (StixObject) MessageCodec.decode(FrameDecoderTest.INDICATOR);

        client.onMessage(new SnapshotEnvelope(MessageType.INDICATOR, "x", body));

        assertThat(sink.frames).isEmpty();
        assertThat(client.skipped()).isEqualTo(1);
    }

    @Test
    void waitsUntilTheAppIsConnectedAndThenSends() throws Exception {
        sink.connected = false;
        CompletableFuture<Void> delivery = deliverInBackground();
        awaitState(Client.State.NOT_CONNECTED);
        assertThat(sink.frames).isEmpty();

        sink.connected = true;

        delivery.get(10, TimeUnit.SECONDS);
        assertThat(sink.frames).hasSize(1);
        assertThat(client.waits()).isEqualTo(1);
        assertThat(client.state()).isEqualTo(Client.State.SENDING);
    }

    @Test
    void aWaitingDeliveryEndsWhenTheClientCloses() throws Exception {
        sink.busy = true;
        CompletableFuture<Void> delivery = deliverInBackground();
        awaitState(Client.State.BUSY);

        client.close();

        delivery.get(10, TimeUnit.SECONDS);
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void offersSnapshotRequestsWithoutWaiting() {
        SnapshotRequest request = new SnapshotRequest(MessageType.SIGHTING, "id", Duration.ofDays(1));
        sink.busy = true;

        assertThat(client.offer(request)).isFalse();

        sink.busy = false;
        assertThat(client.offer(request)).isTrue();
        assertThat(sink.frames).singleElement().asString().startsWith(P2P + "snapshotrequest {");
    }

    private CompletableFuture<Void> deliverInBackground() {
        return CompletableFuture.runAsync(() -> {
            try {
                client.onMessage(MessageCodec.decode(FrameDecoderTest.INDICATOR));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void awaitState(Client.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.state() != state && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(client.state()).isEqualTo(state);
    }
}
