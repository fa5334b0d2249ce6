// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import threatbus.api.Backbone;
import threatbus.api.BackboneUnavailableException;
import threatbus.api.Outbox;
import threatbus.api.message.Message;
import threatbus.api.routing.TopicTable;

/** A backbone that routes synchronously with the shared topic table and records what it was given. */
final class RecordingBackbone implements Backbone {

    final String name;
    final List<Message> published = new CopyOnWriteArrayList<>();
    final TopicTable<Outbox> routes = new TopicTable<>();
    volatile boolean unavailable;
    final AtomicInteger failuresToThrow = new AtomicInteger();

    RecordingBackbone(String name) {
        this.name = name;
    }

    BackboneSelector.Entry entry(int ranking, long serviceId) {
        return new BackboneSelector.Entry(this, name, ranking, serviceId, "test");
    }

    @Override
    public void publish(Message message) throws BackboneUnavailableException {
        if (unavailable) {
            throw new BackboneUnavailableException(name + " is down");
        }
        if (failuresToThrow.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException(name + " broke");
        }
        published.add(message);
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

    int subscriptions() {
        return (int) routes.prefixes().values().stream().flatMap(java.util.Set::stream).distinct().count();
    }
}
