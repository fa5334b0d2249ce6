// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import threatbus.api.message.Message;

/**
 * The delivery end of one subscription, as backbones see it. The bus owns it: messages put here survive
 * the backbone that put them.
 *
 * <p>Thread-safe. Identity is the subscription: two outboxes are equal only if they are the same object.
 */
@ProviderType
public interface Outbox {

    /** The subscription id. */
    String subscriptionId();

    /** The topic prefixes this outbox subscribed to. */
    List<String> topics();

    /**
     * Queues a message for the subscriber. Never blocks for longer than the bus's configured overflow
     * policy allows; when the outbox is full the policy decides which message is dropped, and the drop is
     * counted. Messages put after the subscription ended are ignored.
     */
    void put(Message message);
}
