// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist.plugins;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import threatbus.api.Backbone;
import threatbus.api.Outbox;
import threatbus.api.message.Message;
import threatbus.api.routing.TopicTable;

/** A backbone that routes in the publishing thread and counts what it published (its LongSupplier side). */
public final class SecondBackbone implements Backbone, LongSupplier {

    private final TopicTable<Outbox> routes = new TopicTable<>();
    private final AtomicLong published = new AtomicLong();

    @Override
    public void publish(Message message) {
        // counted first: a test that sees the delivery must also see the count
        published.incrementAndGet();
        routes.route(message.topic(), outbox -> outbox.put(message));
    }

    @Override
    public void subscribe(Outbox outbox) {
        outbox.topics().forEach(topic -> routes.add(topic, outbox));
    }

    @Override
    public void unsubscribe(Outbox outbox) {
        outbox.topics().forEach(topic -> routes.remove(topic, outbox));
    }

    @Override
    public long getAsLong() {
        return published.get();
    }
}
