// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A live subscription: its identity, its counters, and the handle to end it. Thread-safe. */
@ProviderType
public interface Subscription {

    /** A bus-unique identifier, stable for the life of the subscription. */
    String id();

    /** The topic prefixes, in the order given. */
    List<String> topics();

    /** The snapshot id requested for this subscription, if it asked for a snapshot of a known type. */
    Optional<String> snapshotId();

    /** Messages handed to the subscriber so far. */
    long delivered();

    /** Messages dropped because the outbox was full (per the bus's overflow policy). */
    long dropped();

    /** Messages the subscriber threw on. */
    long failed();

    /** Messages waiting in the outbox right now. */
    int queued();

    /** Whether the subscription is still live. */
    boolean isActive();

    /**
     * Ends the subscription: no message is delivered after this returns, except one whose delivery is in
     * progress. Idempotent.
     */
    void unsubscribe();
}
