// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.StixObject;

/**
 * The backbone stopped while the broker is dead: every message it took is either on the broker's disk
 * (confirmed) or handed back for the bus to publish elsewhere; none is lost with the backbone.
 */
class StopWhileDisconnectedTest extends WithBroker {

    private static final int MESSAGES = 2_000;

    @Test
    void unconfirmedMessagesAreHandedBack() throws Exception {
        String otherHost = "threatbus.other-host";
        try (Connection plain = Broker.plainConnection(node); Channel ch = plain.createChannel()) {
            ch.exchangeDeclare("threatbus", "fanout");
            ch.queueDeclare(otherHost, true, false, false, Map.of("x-queue-mode", "lazy"));
            ch.queueBind(otherHost, "threatbus", "");
        }
        RabbitTransport transport = connected("stopping", state -> { }, "confirm_window", 5_000);
        Instant t = Instant.parse("2021-03-04T10:00:00Z");
        for (int i = 0; i < MESSAGES; i++) {
            transport.publish(DuplicateFilterTest.indicator(i, t));
        }
        node.kill();
        List<Message> handedBack = new CopyOnWriteArrayList<>();
        transport.stop(handedBack::add);
        node.start();

        Set<String> ids = new HashSet<>();
        handedBack.forEach(m -> ids.add(((StixObject) m).id()));
        int onDisk = 0;
        try (Connection plain = Broker.plainConnection(node); Channel ch = plain.createChannel()) {
            for (GetResponse r = ch.basicGet(otherHost, true); r != null; r = ch.basicGet(otherHost, true)) {
                ids.add(((StixObject) MessageCodec.decode(r.getBody())).id());
                onDisk++;
            }
        }
        System.out.printf("stop test: %d on disk, %d handed back%n", onDisk, handedBack.size());
        assertThat(ids).as("every message confirmed or handed back").hasSize(MESSAGES);
        assertThat(transport.unconfirmed()).isZero();
    }
}
