// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import threatbus.testbroker.RabbitNode;

/** The test broker's directory, and plain amqp-client connections to it: what a Python Threat Bus would do. */
final class Broker {

    private Broker() {
    }

    static RabbitNode start() {
        return RabbitNode.start(Path.of(System.getProperty("threatbus.rabbit.dir", "target/rabbit")));
    }

    static Connection plainConnection(RabbitNode node) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(node.port());
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("threatbus-test");
    }
}
