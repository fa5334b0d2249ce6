// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import threatbus.testing.TestBus;

/** The management cases of the original (management-protocol-cases.json), byte for byte. */
class ManagementProtocolTest {

    private final TestBus bus = new TestBus();
    private final Clients clients = new Clients();
    private final ManagementProtocol protocol = new ManagementProtocol(settings(""), bus, clients, new RecordingSink());

    static ZmqSettings settings(String advertisedHost) {
        return ZmqConfigs.settings(Map.of("advertised.host", advertisedHost));
    }

    private String send(String request) {
        return new String(protocol.handle(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    private String subscribe(String request) throws Exception {
        String reply = send(request);
        assertThat(reply).matches("\\{\"topic\": \"[a-z]{32}\", \"pub_port\": 13371, \"sub_port\": 13372, "
                + "\"status\": \"success\"}");
        return new ObjectMapper().readTree(reply).get("topic").textValue();
    }

    @Test
    void subscribesWithASnapshotInDays() throws Exception {
        String p2p = subscribe("{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\", \"snapshot\": 30}");

        assertThat(bus.subscriptions).singleElement().satisfies(s -> {
            assertThat(s.topics).containsExactly("stix2/indicator");
            assertThat(s.snapshot).isEqualTo(Duration.ofDays(30));
        });
        assertThat(clients.get(p2p).subscription()).isSameAs(bus.subscriptions.get(0));
    }

    @Test
    void subscribesOneP2pTopicToAListOfTopics() throws Exception {
        String p2p = subscribe("{\"action\": \"subscribe\", \"topic\": [\"stix2/indicator\", \"stix2/sighting\"], "
                + "\"snapshot\": 0}");

        assertThat(bus.subscriptions).singleElement().satisfies(s -> {
            assertThat(s.topics).containsExactly("stix2/indicator", "stix2/sighting");
            assertThat(s.snapshot).isZero();
        });
        assertThat(clients.get(p2p).topics()).containsExactly("stix2/indicator", "stix2/sighting");
    }

    @Test
    void subscribesWithoutSnapshotAndToAnyTopic() throws Exception {
        subscribe("{\"action\": \"subscribe\", \"topic\": \"TOPIC\"}");

        assertThat(bus.subscriptions.get(0).snapshot).isZero();
    }

    @Test
    void heartbeatsAndUnsubscribesAKnownTopicOnly() throws Exception {
        String p2p = subscribe("{\"action\": \"subscribe\", \"topic\": \"stix2/indicator\"}");

        assertThat(send("{\"action\": \"heartbeat\", \"topic\": \"" + p2p + "\"}")).isEqualTo("{\"status\": \"success\"}");
        assertThat(send("{\"action\": \"unsubscribe\", \"topic\": \"" + p2p + "\"}")).isEqualTo("{\"status\": \"success\"}");
        assertThat(bus.active()).isEmpty();
        assertThat(send("{\"action\": \"heartbeat\", \"topic\": \"" + p2p + "\"}")).isEqualTo("{\"status\": \"error\"}");
        assertThat(send("{\"action\": \"unsubscribe\", \"topic\": \"" + p2p + "\"}")).isEqualTo("{\"status\": \"error\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"action\": \"FOO\"}                                               | unknown request",
        "FOO                                                                 | error",
        "{\"action\": \"heartbeat\"}                                         | unknown request",
        "{\"action\": \"heartbeat\", \"topic\": \"TOPIC\"}                   | error",
        "{\"action\": \"subscribe\"}                                         | unknown request",
        "{\"action\": \"subscribe\", \"topic\": \"TOPIC\", \"snapshot\": \"FOO\"} | error",
        "{\"action\": \"unsubscribe\"}                                       | unknown request",
        "{\"action\": \"unsubscribe\", \"topic\": \"TOPIC\"}                 | error",
        "{\"action\": \"heartbeat\", \"topic\": \"x\", \"snapshot\": \"FOO\"} | error",
        "{\"action\": \"subscribe\", \"topic\": \"\"}                        | unknown request",
        "{\"action\": \"subscribe\", \"topic\": []}                          | unknown request",
        "{\"action\": \"subscribe\", \"topic\": 5}                           | error",
        "{\"action\": \"subscribe\", \"topic\": [\"a\", 5]}                  | error",
        "{\"action\": \"subscribe\", \"topic\": \"a\", \"snapshot\": -1}     | error",
        "{\"action\": \"subscribe\", \"topic\": \"a\", \"snapshot\": null}   | error",
        "{\"action\": \"unsubscribe\", \"topic\": [\"a\"]}                   | error",
        "{\"action\": 7, \"topic\": \"a\"}                                   | unknown request",
        "[1, 2]                                                              | error",
        "{\"action\": \"heartbeat\", \"topic\": \"x\", \"extra\": NaN}       | error",
    })
    void answersLikeTheOriginal(String request, String status) {
        assertThat(send(request.strip())).isEqualTo("{\"status\": \"" + status + "\"}");
    }

    @ParameterizedTest(name = "snapshot {0} is {1} days")
    @CsvSource(delimiter = '|', value = {"17 | 17", "\"17\" | 17", "\" 1_0 \" | 10", "30.9 | 30", "true | 1",
        "false | 0", "\"-0\" | 0"})
    void convertsTheSnapshotLikePythonsInt(String json, long days) {
        send("{\"action\": \"subscribe\", \"topic\": \"a\", \"snapshot\": " + json + "}");

        assertThat(bus.subscriptions).singleElement().satisfies(s -> assertThat(s.snapshot).isEqualTo(Duration.ofDays(days)));
    }

    @Test
    void hasNoUnsubscribedAppLeftAfterAFailedSubscription() {
        assertThat(send("{\"action\": \"subscribe\", \"topic\": \"a\", \"snapshot\": 1000000000}"))
                .isEqualTo("{\"status\": \"error\"}");

        assertThat(clients.all()).isEmpty();
    }

    @Test
    void addsTheEndpointsOfOldRepliesWhenAnAdvertisedHostIsSet() {
        ManagementProtocol legacy = new ManagementProtocol(settings("bus.example.org"), bus, clients, new RecordingSink());

        String reply = new String(legacy.handle("{\"action\": \"subscribe\", \"topic\": \"a\"}".getBytes()),
                StandardCharsets.US_ASCII);

        assertThat(reply).matches("\\{\"topic\": \"[a-z]{32}\", \"pub_endpoint\": \"bus.example.org:13371\", "
                + "\"sub_endpoint\": \"bus.example.org:13372\", \"pub_port\": 13371, \"sub_port\": 13372, "
                + "\"status\": \"success\"}");
    }

    @Test
    void handsOutDistinctRandomLowercaseTopics() throws Exception {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(subscribe("{\"action\": \"subscribe\", \"topic\": \"a\"}"));
        }
        assertThat(seen).hasSize(200).allMatch(t -> t.matches("[a-z]{32}"));
    }
}
