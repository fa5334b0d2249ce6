// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import org.osgi.annotation.versioning.ConsumerType;

import threatbus.api.message.Message;

/**
 * Receives the messages of one subscription.
 *
 * <p>The bus calls {@link #onMessage} from a delivery thread of that subscription: one message at a time,
 * in outbox order, never concurrently, with a happens-before edge between calls. A slow subscriber only
 * fills its own outbox; it never slows the bus or other subscribers. An exception is logged and counted as
 * a failed delivery; the next message is delivered normally.
 */
@ConsumerType
@FunctionalInterface
public interface Subscriber {

    /** Handles one message. Implementations should not block for long. */
    void onMessage(Message message) throws Exception;
}
