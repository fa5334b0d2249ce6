// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the bus core, PID {@value BusCore#PID}. Every value can change at run time. */
@ObjectClassDefinition(name = "Threat Bus core",
        description = "Queue bounds, overflow policy and snapshot bookkeeping of the bus.")
public @interface BusConfig {

    @AttributeDefinition(name = "Inbox capacity",
            description = "Messages accepted but not yet handed to a backbone, at most.")
    int inbox_capacity() default 10_000;

    @AttributeDefinition(name = "Publish timeout (ms)",
            description = "How long a publisher waits for room in a full inbox before its message is rejected.")
    long publish_timeout_ms() default 1_000;

    @AttributeDefinition(name = "Outbox capacity",
            description = "Messages queued for one subscriber, at most.")
    int outbox_capacity() default 10_000;

    @AttributeDefinition(name = "Outbox overflow policy",
            description = "What a full outbox does with a new message: DROP_OLDEST, DROP_NEWEST or BLOCK "
                    + "(wait up to outbox.block.ms, then drop the new one). Every drop is counted.")
    OverflowPolicy outbox_overflow() default OverflowPolicy.DROP_OLDEST;

    @AttributeDefinition(name = "Outbox block time (ms)",
            description = "With the BLOCK policy: how long delivery waits for room in a full outbox.")
    long outbox_block_ms() default 1_000;

    @AttributeDefinition(name = "Snapshot id lifetime (s)",
            description = "How long the bus waits for answers to a snapshot request before forgetting its id.")
    long snapshot_ttl_s() default 3_600;
}
