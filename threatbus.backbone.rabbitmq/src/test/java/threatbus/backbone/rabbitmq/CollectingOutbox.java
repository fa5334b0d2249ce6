// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import threatbus.api.Outbox;
import threatbus.api.message.Message;

/** An outbox that keeps everything put into it. */
final class CollectingOutbox implements Outbox {

    final ConcurrentLinkedQueue<Message> messages = new ConcurrentLinkedQueue<>();
    private final List<String> topics;

    CollectingOutbox(String... topics) {
        this.topics = List.of(topics);
    }

    @Override
    public String subscriptionId() {
        return "test-" + System.identityHashCode(this);
    }

    @Override
    public List<String> topics() {
        return topics;
    }

    @Override
    public void put(Message message) {
        messages.add(message);
    }
}
