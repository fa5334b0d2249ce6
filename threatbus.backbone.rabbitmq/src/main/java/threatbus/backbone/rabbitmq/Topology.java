// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.util.Map;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;

/**
 * Declares what the backbone uses on the broker, on every (re)connect, because a broker restart forgets what
 * is not durable:
 * <ul>
 * <li>the shared fanout exchange, with the client library's defaults as the original declares it
 * (non-durable, not auto-delete): declaring it any other way would fail against a broker where a Python
 * Threat Bus declared it first;</li>
 * <li>this host's queue with the original's name, flags and arguments, bound with the empty routing key;</li>
 * <li>the dead-letter exchange and its queue (ours; durable), where undecodable messages are kept. They are
 * published there explicitly rather than through an {@code x-dead-letter-exchange} queue argument, so that the
 * host queue's arguments stay exactly the original's.</li>
 * </ul>
 */
final class Topology {

    private Topology() {
    }

    static void declare(Channel channel, RabbitSettings settings) throws IOException {
        channel.exchangeDeclare(settings.exchange(), BuiltinExchangeType.FANOUT);
        channel.queueDeclare(settings.queueName(), settings.durable(), settings.exclusive(), settings.autoDelete(),
                settings.queueArguments());
        channel.queueBind(settings.queueName(), settings.exchange(), "");
        channel.exchangeDeclare(settings.deadLetterExchange(), BuiltinExchangeType.FANOUT, true);
        channel.queueDeclare(settings.deadLetterExchange(), true, false, false, Map.of("x-queue-mode", "lazy"));
        channel.queueBind(settings.deadLetterExchange(), settings.deadLetterExchange(), "");
    }
}
