// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import threatbus.api.message.Message;

/**
 * The bus: applications publish messages into it and subscribe to topic prefixes.
 *
 * <p>Topics are prefixes, as in the original Threat Bus: a subscription to {@code "stix2/"} receives
 * indicators and sightings, {@code ""} receives everything. The topic of a message comes from its type
 * ({@link Message#topic()}), never from what a client claimed. A subscription with overlapping prefixes
 * receives a message once per matching prefix, and there is no echo suppression.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
@ProviderType
public interface Bus {

    /**
     * Accepts a message into the bus's bounded inbox. Once this returns, the bus owns the message: it is
     * delivered even if no backbone is active yet or the active backbone is replaced.
     *
     * @throws BusOverloadedException if the inbox stayed full for the configured publish timeout; the
     *         message was not accepted and the rejection is counted
     */
    void publish(Message message) throws BusOverloadedException;

    /**
     * Subscribes to one or more topic prefixes with one shared, bounded outbox.
     *
     * @param topics the topic prefixes, at least one; duplicates are ignored
     * @param snapshot how far back to request historic data for the new subscriber; {@link Duration#ZERO}
     *        for none. Snapshot items arrive in the same outbox as live ones.
     * @param subscriber receives the messages, one at a time
     * @return the live subscription; call {@link Subscription#unsubscribe()} to end it
     * @throws IllegalArgumentException if no topic is given or the snapshot is negative
     */
    Subscription subscribe(Collection<String> topics, Duration snapshot, Subscriber subscriber);

    /** Subscribes to one topic prefix without a snapshot. */
    default Subscription subscribe(String topic, Subscriber subscriber) {
        return subscribe(List.of(topic), Duration.ZERO, subscriber);
    }
}
