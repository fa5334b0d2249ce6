// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import threatbus.testbroker.RabbitNode;

/** A test class with a throwaway RabbitMQ node of its own, started before its tests and killed after them. */
abstract class WithBroker {

    static final Duration WAIT = Duration.ofSeconds(60);
    static RabbitNode node;

    @BeforeAll
    static void startBroker() {
        node = Broker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (node != null) {
            node.close();
            node = null;
        }
    }

    /** A transport on the test broker with its own queue, connected. */
    static RabbitTransport connected(String queueSuffix, java.util.function.Consumer<String> states,
            Object... overrides) {
        RabbitTransport transport = new RabbitTransport(TestSettings.forPort(node.port(), queueSuffix, overrides),
                states);
        transport.start();
        Await.until("connected", WAIT, () -> transport.state().equals("connected"), transport::state);
        return transport;
    }
}
