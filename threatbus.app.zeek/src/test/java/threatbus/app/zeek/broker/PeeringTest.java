// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static threatbus.app.zeek.broker.RecordingHandler.take;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import threatbus.app.zeek.testpeer.RawWire;
import threatbus.app.zeek.testpeer.ZeekTestPeer;

/**
 * A full peering as Zeek's {@code Broker::peer} does it, in all four combinations of transport (plain,
 * anonymous TLS) and originator (our endpoint or the peer, chosen through the IDs).
 */
class PeeringTest {

    static final Duration T = Duration.ofSeconds(10);

    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of("plain, peer originates", TransportSecurity.PLAIN, ZeekTestPeer.PLAIN, true),
                Arguments.of("plain, endpoint originates", TransportSecurity.PLAIN, ZeekTestPeer.PLAIN, false),
                Arguments.of("anonymous TLS, peer originates", TransportSecurity.ANONYMOUS_TLS,
                        ZeekTestPeer.ANONYMOUS_TLS, true),
                Arguments.of("anonymous TLS, endpoint originates", TransportSecurity.ANONYMOUS_TLS,
                        ZeekTestPeer.ANONYMOUS_TLS, false));
    }

    static BrokerEndpointConfig config(TransportSecurity security) {
        return BrokerEndpointConfig.defaults().withPort(0).withSecurity(security);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void peersExchangesDataAndUnpeers(String name, TransportSecurity security, ZeekTestPeer.Dialer dialer,
            boolean peerOriginates) throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (BrokerEndpoint endpoint = new BrokerEndpoint(config(security), handler)) {
            endpoint.subscriptions(Set.of("stix2/sighting", "threatbus/manage"));
            byte[] id = peerOriginates ? ZeekTestPeer.smallId() : ZeekTestPeer.largeId();
            try (ZeekTestPeer zeek = ZeekTestPeer.peer(dialer, endpoint.port(), id, List.of("threatbus/manage"))) {
                if (zeek.socket instanceof javax.net.ssl.SSLSocket tls) {
                    assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
                    assertThat(tls.getSession().getCipherSuite()).isEqualTo("TLS_ECDH_anon_WITH_AES_256_CBC_SHA");
                }
                assertThat(zeek.originated).isEqualTo(peerOriginates);
                assertThat(zeek.probes).isEqualTo(1);
                assertThat(zeek.endpointId).isEqualTo(endpoint.id().toBytes());
                assertThat(zeek.endpointFilter).containsExactly("stix2/sighting", "threatbus/manage");

                BrokerPeer peer = take(handler.added, T);
                assertThat(peer.id()).isEqualTo(EndpointId.of(id));
                assertThat(peer.filter()).containsExactly("threatbus/manage");
                assertThat(endpoint.peers()).containsExactly(peer);
                assertThat(peer.remoteAddress()).startsWith("127.0.0.1:");

                // Zeek subscribes to its p2p topic after the ack: a routing update replaces its filter.
                zeek.subscribe(List.of("stix2/indicatorabcdefghij", "threatbus/manage"));
                Await.until("routing update", T, () -> peer.wants("stix2/indicatorabcdefghij"));
                assertThat(peer.filter()).containsExactlyInAnyOrder("stix2/indicatorabcdefghij",
                        "threatbus/manage");
                assertThat(peer.send("stix2/other", new byte[] {1})).isEqualTo(SendResult.NOT_SUBSCRIBED);

                byte[] intel = "intel".getBytes(StandardCharsets.UTF_8);
                assertThat(peer.send("stix2/indicatorabcdefghij", intel)).isEqualTo(SendResult.QUEUED);
                RawWire.Op got = zeek.next(RawWire.DATA, T);
                assertThat(got.topic()).isEqualTo("stix2/indicatorabcdefghij");
                assertThat(got.payload()).isEqualTo(intel);
                assertThat(got.sender()).isEqualTo(endpoint.id().toBytes());
                assertThat(got.receiver()).isEqualTo(new byte[16]);
                assertThat(got.ttl()).isEqualTo(16);

                byte[] sighting = "sighting".getBytes(StandardCharsets.UTF_8);
                zeek.publish("stix2/sighting", sighting);
                RecordingHandler.Data data = take(handler.data, T);
                assertThat(data.peer()).isSameAs(peer);
                assertThat(data.topic()).isEqualTo("stix2/sighting");
                assertThat(data.payload()).isEqualTo(sighting);

                zeek.ping("foo".getBytes(StandardCharsets.UTF_8));
                RawWire.Op pong = zeek.next(RawWire.PONG, T);
                assertThat(pong.topic()).isEqualTo("<$>");
                assertThat(pong.payload()).isEqualTo("foo".getBytes(StandardCharsets.UTF_8));
                assertThat(pong.sender()).isEqualTo(endpoint.id().toBytes());
                assertThat(pong.receiver()).isEqualTo(id);

                // Store commands are ignored without harm.
                zeek.send(RawWire.op(id, endpoint.id().toBytes(), RawWire.COMMAND, "store", new byte[] {9, 9}));

                endpoint.subscriptions(Set.of("stix2/sighting"));
                RawWire.Op update = zeek.next(RawWire.ROUTING_UPDATE, T);
                assertThat(update.topic()).isEqualTo("<$>");
                assertThat(update.receiver()).isEqualTo(id);
                assertThat(update.payload()).isEqualTo(RawWire.filter(List.of("stix2/sighting")));

                zeek.bye(T);
                RecordingHandler.Lost lost = take(handler.lost, T);
                assertThat(lost.peer()).isSameAs(peer);
                assertThat(lost.reason()).isEqualTo("unpeered by peer");
                assertThat(peer.send("stix2/indicatorabcdefghij", intel)).isEqualTo(SendResult.CLOSED);
                PeerStats stats = peer.stats();
                assertThat(stats.commandsIgnored()).isEqualTo(1);
                assertThat(stats.pingsAnswered()).isEqualTo(2);
                assertThat(stats.dataIn()).isEqualTo(1);
                assertThat(stats.dataOut()).isEqualTo(1);
                assertThat(stats.framesIn()).isEqualTo(5);
                assertThat(stats.framesOut()).isEqualTo(4);
                Await.until("peer removed", T, () -> endpoint.peers().isEmpty());
            }
            assertThat(endpoint.rejections().values()).allMatch(n -> n == 0);
        }
    }
}
