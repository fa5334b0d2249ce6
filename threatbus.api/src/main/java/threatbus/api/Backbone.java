// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import org.osgi.annotation.versioning.ConsumerType;

import threatbus.api.message.Message;

/**
 * A transport that moves accepted messages to the outboxes of matching subscriptions, either in process
 * or through an external broker. Registered as a whiteboard service with the
 * {@link ThreatBusConstants#BACKBONE_NAME} property (see {@link BackboneName}).
 *
 * <p>Every registered backbone learns every subscription ({@link #subscribe}/{@link #unsubscribe}); a
 * backbone registered late gets all live subscriptions replayed. Only the backbone with the highest
 * {@code service.ranking} (ties: lowest {@code service.id}) is <em>active</em> and receives
 * {@link #publish} calls; the others stand by. Routing by topic prefix is provided by
 * {@link threatbus.api.routing.TopicTable}, so that every backbone routes the same way.
 */
@ConsumerType
public interface Backbone {

    /**
     * Takes over one accepted message. Called by the bus's dispatcher thread only, one message at a time,
     * in inbox order. Return only when the backbone is responsible for the message (queued in process,
     * confirmed by a broker, …).
     *
     * @throws BackboneUnavailableException if the backbone cannot take the message now (stopping,
     *         disconnected): the bus keeps the message and retries, possibly on another backbone
     */
    void publish(Message message) throws BackboneUnavailableException;

    /** Learns a subscription: deliver messages whose topic starts with one of its topics. Must not block. */
    void subscribe(Outbox outbox);

    /** Forgets a subscription. Must not block. */
    void unsubscribe(Outbox outbox);
}
