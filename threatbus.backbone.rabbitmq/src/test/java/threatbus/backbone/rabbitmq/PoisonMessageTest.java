// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;


/** Undecodable messages land in the dead-letter queue, byte for byte and counted; the stream goes on. */
class PoisonMessageTest extends WithBroker {




    @Test
    void poisonGoesToTheDeadLetterQueueAndTheStreamContinues() throws Exception {
        List<String> states = new ArrayList<>();
        RabbitTransport transport = connected("poison", state -> {
            synchronized (states) {
                states.add(state);
            }
        });
        try (Connection plain = Broker.plainConnection(node); Channel ch = plain.createChannel()) {
            CollectingOutbox outbox = new CollectingOutbox("");
            transport.subscribe(outbox);
            Instant t = Instant.parse("2021-03-04T10:00:00Z");
            transport.publish(DuplicateFilterTest.indicator(1, t));
            byte[] notJson = "{\"type\": \"indicator\", \"id\": ".getBytes(StandardCharsets.UTF_8);
            byte[] unknownType = "{\"type\": \"note\"}".getBytes(StandardCharsets.UTF_8);
            ch.basicPublish("threatbus", "", null, notJson);
            ch.basicPublish("threatbus", "", null, unknownType);
            transport.publish(DuplicateFilterTest.indicator(2, t));

            Await.until("both indicators", WAIT, () -> outbox.messages.size() == 2, () -> outbox.messages.toString());
            Await.until("two dead letters counted", WAIT, () -> transport.deadLettered() == 2);
            List<GetResponse> parked = new ArrayList<>();
            Await.until("two dead letters parked", WAIT, () -> {
                try {
                    GetResponse r = ch.basicGet("threatbus.dlx", true);
                    if (r != null) {
                        parked.add(r);
                    }
                    return parked.size() == 2;
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(parked).extracting(GetResponse::getBody).containsExactly(notJson, unknownType);
            assertThat(parked.get(0).getProps().getHeaders()).containsKey("x-threatbus-error");
            assertThat(parked.get(0).getProps().getHeaders().get("x-threatbus-queue").toString())
                    .isEqualTo("threatbus.poison");
            assertThat(parked.get(1).getProps().getHeaders().get("x-threatbus-error").toString()).contains("note");
            assertThat(ch.queueDeclarePassive("threatbus.poison").getMessageCount()).as("nothing left in the queue")
                    .isZero();
            assertThat(transport.state()).isEqualTo("connected, 2 dead-lettered");
            synchronized (states) {
                assertThat(states).contains("connected, 2 dead-lettered");
            }
        } finally {
            transport.stop(m -> { });
        }
    }
}
