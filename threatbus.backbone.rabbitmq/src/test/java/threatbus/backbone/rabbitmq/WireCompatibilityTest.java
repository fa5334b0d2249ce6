// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import threatbus.api.message.Indicator;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageType;
import threatbus.api.message.Sighting;
import threatbus.api.message.SnapshotEnvelope;
import threatbus.api.message.SnapshotRequest;

/**
 * Against a real broker, with a plain amqp-client standing in for a Python Threat Bus: the topology is the
 * original's (a redeclaration with the original's parameters succeeds, any other fails), messages in the
 * original's format are decoded and delivered, and ours are persistent JSON that decodes by the same rules.
 */
class WireCompatibilityTest extends WithBroker {

    private Connection plain;
    private RabbitTransport transport;

    @BeforeEach
    void connectPlainClient() throws Exception {
        plain = Broker.plainConnection(node);
    }

    @AfterEach
    void stopTransport() throws Exception {
        if (transport != null) {
            transport.stop(m -> { });
        }
        plain.close();
    }

    @Test
    void topologyIsTheOriginals() throws Exception {
        transport = connected("topology", state -> { }, "queue_max__items", 1000);
        try (Channel ch = plain.createChannel()) {
            // what threatbus-rabbitmq declares (pika defaults): equivalent, so it succeeds
            ch.exchangeDeclare("threatbus", BuiltinExchangeType.FANOUT);
            ch.queueDeclare("threatbus.topology", true, false, false,
                    Map.of("x-queue-mode", "lazy", "x-max-length", 1000));
        }
        // a failed declaration closes its channel, so each gets its own
        Channel durable = plain.createChannel();
        assertThatThrownBy(() -> durable.exchangeDeclare("threatbus", BuiltinExchangeType.FANOUT, true))
                .as("the exchange is not durable").isInstanceOf(IOException.class);
        Channel otherMode = plain.createChannel();
        assertThatThrownBy(() -> otherMode.queueDeclare("threatbus.topology", true, false, false,
                Map.of("x-queue-mode", "default"))).as("the queue has the original's arguments only")
                .isInstanceOf(IOException.class);
        assertThat(durable.isOpen() || otherMode.isOpen()).isFalse();
    }

    @Test
    void theOriginalsMessagesAreDecodedAndDelivered() throws Exception {
        transport = connected("from-python", state -> { });
        CollectingOutbox indicators = new CollectingOutbox("stix2/indicator");
        CollectingOutbox everything = new CollectingOutbox("");
        transport.subscribe(indicators);
        transport.subscribe(everything);
        String indicator = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", "
                + "\"id\": \"indicator--df0f9a0e-c3b6-4f53-b0cf-5e9c454ee0cc\", "
                + "\"created\": \"2021-03-04T10:00:00.000Z\", \"modified\": \"2021-03-04T10:00:00.000Z\", "
                + "\"pattern\": \"[ipv4-addr:value = '6.6.6.6']\", \"pattern_type\": \"stix\", "
                + "\"pattern_version\": \"2.1\", \"valid_from\": \"2021-03-04T10:00:00Z\", "
                + "\"x_threatbus_update\": \"REMOVE\"}";
        String request = "{\"type\": \"snapshotrequest\", \"snapshot_type\": 2, "
                + "\"snapshot_id\": \"1f9ba1b5-5b5c-4b8b-a1c1-7d8a5b4f6e01\", \"snapshot\": 3712417}";
        String envelope = "{\"type\": \"snapshotenvelope\", \"snapshot_type\": 2, "
                + "\"snapshot_id\": \"1f9ba1b5-5b5c-4b8b-a1c1-7d8a5b4f6e01\", \"body\": {\"type\": \"sighting\", "
                + "\"spec_version\": \"2.1\", \"id\": \"sighting--4cb8e3d4-0000-4000-8000-000000000002\", "
                + "\"created\": \"2021-03-04T10:00:01.000Z\", \"modified\": \"2021-03-04T10:00:01.000Z\", "
                + "\"sighting_of_ref\": \"indicator--df0f9a0e-c3b6-4f53-b0cf-5e9c454ee0cc\", "
                + "\"x_threatbus_sighting_context\": {\"noisy\": true}}}";
        try (Channel ch = plain.createChannel()) {
            // as pika's basic_publish in the original: no properties at all, empty routing key
            ch.basicPublish("threatbus", "", null, indicator.getBytes(StandardCharsets.UTF_8));
            ch.basicPublish("threatbus", "", null, request.getBytes(StandardCharsets.UTF_8));
            ch.basicPublish("threatbus", "", null, envelope.getBytes(StandardCharsets.UTF_8));
        }
        Await.until("all three messages", WAIT, () -> everything.messages.size() == 3);
        Indicator got = (Indicator) indicators.messages.peek();
        assertThat(indicators.messages).hasSize(1);
        assertThat(got.id()).isEqualTo("indicator--df0f9a0e-c3b6-4f53-b0cf-5e9c454ee0cc");
        assertThat(got.stringProperty("x_threatbus_update")).contains("REMOVE");
        SnapshotRequest req = (SnapshotRequest) everything.messages.stream()
                .filter(SnapshotRequest.class::isInstance).findFirst().orElseThrow();
        assertThat(req.type()).isEqualTo(MessageType.SIGHTING);
        assertThat(req.snapshot()).isEqualTo(Duration.ofSeconds(3712417));
        SnapshotEnvelope env = (SnapshotEnvelope) everything.messages.stream()
                .filter(SnapshotEnvelope.class::isInstance).findFirst().orElseThrow();
        assertThat(env.body().id()).isEqualTo("sighting--4cb8e3d4-0000-4000-8000-000000000002");
        assertThat(((Sighting) env.body()).context().orElseThrow().get("noisy").asBoolean()).isTrue();
    }

    @Test
    void oursArePersistentJsonThatDecodesByTheSameRules() throws Exception {
        transport = connected("to-python", state -> { });
        String pythonQueue = "threatbus.python-host";
        try (Channel ch = plain.createChannel()) {
            ch.queueDeclare(pythonQueue, true, false, false, Map.of("x-queue-mode", "lazy"));
            ch.queueBind(pythonQueue, "threatbus", "");
            Sighting sighting = Sighting.builder().id("sighting--4cb8e3d4-0000-4000-8000-000000000001")
                    .created(Instant.parse("2021-03-04T10:00:00.123Z"))
                    .modified(Instant.parse("2021-03-04T10:00:00.123Z"))
                    .sightingOfRef("indicator--df0f9a0e-c3b6-4f53-b0cf-5e9c454ee0cc")
                    .property("x_threatbus_sighting_context", Map.of("noisy", false)).build();
            transport.publish(sighting);
            GetResponse[] got = new GetResponse[1];
            Await.until("the sighting in the other host's queue", WAIT, () -> {
                try {
                    got[0] = ch.basicGet(pythonQueue, true);
                    return got[0] != null;
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(got[0].getProps().getDeliveryMode()).as("persistent").isEqualTo(2);
            assertThat(got[0].getEnvelope().getRoutingKey()).isEmpty();
            JsonNode json = new ObjectMapper().readTree(got[0].getBody());
            // the original dispatches on the top-level "type"; a STIX object is serialised as is
            assertThat(json.get("type").asText()).isEqualTo("sighting");
            assertThat(json.get("created").asText()).isEqualTo("2021-03-04T10:00:00.123Z");
            assertThat(json.get("x_threatbus_sighting_context").get("noisy").asBoolean()).isFalse();
            assertThat(MessageCodec.decode(got[0].getBody())).isEqualTo(sighting);
        }
    }

    @Test
    void aDeletedQueueIsDeclaredAgainAndTheStreamGoesOn() throws Exception {
        transport = connected("deleted", state -> { });
        CollectingOutbox outbox = new CollectingOutbox("stix2/");
        transport.subscribe(outbox);
        try (Channel ch = plain.createChannel()) {
            ch.queueDelete("threatbus.deleted");
        }
        Await.until("the queue declared again", WAIT, () -> {
            try (Channel ch = plain.createChannel()) {
                return ch.queueDeclarePassive("threatbus.deleted").getConsumerCount() == 1;
            } catch (IOException | TimeoutException e) {
                return false; // not there yet: the failed declaration closed the channel
            }
        });
        Await.until("connected", WAIT, () -> transport.state().equals("connected"), transport::state);
        transport.publish(DuplicateFilterTest.indicator(1, Instant.parse("2021-03-04T10:00:00Z")));
        Await.until("delivered after the recovery", WAIT, () -> outbox.messages.size() == 1);
    }

    @Test
    void aQueueDeclaredOtherwiseIsReportedAndRetried() throws Exception {
        try (Channel ch = plain.createChannel()) {
            ch.queueDeclare("threatbus.clash", true, false, false, Map.of("x-queue-mode", "default"));
        }
        transport = new RabbitTransport(TestSettings.forPort(node.port(), "clash"), state -> { });
        transport.start();
        Await.until("the clash reported", WAIT, () -> transport.state().contains("inequivalent arg 'x-queue-mode'"),
                transport::state);
        try (Channel ch = plain.createChannel()) {
            ch.queueDelete("threatbus.clash");
        }
        Await.until("connected once the clash is gone", WAIT, () -> transport.state().equals("connected"),
                transport::state);
    }
}
