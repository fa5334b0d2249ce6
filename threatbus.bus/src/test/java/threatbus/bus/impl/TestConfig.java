// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;

/** A {@link BusConfig} for tests, with the defaults of the annotation unless changed. */
class TestConfig implements BusConfig {

    int inboxCapacity = 10_000;
    long publishTimeoutMs = 1_000;
    int outboxCapacity = 10_000;
    OverflowPolicy overflow = OverflowPolicy.DROP_OLDEST;
    long blockMs = 1_000;
    long snapshotTtlS = 3_600;

    @Override
    public int inbox_capacity() {
        return inboxCapacity;
    }

    @Override
    public long publish_timeout_ms() {
        return publishTimeoutMs;
    }

    @Override
    public int outbox_capacity() {
        return outboxCapacity;
    }

    @Override
    public OverflowPolicy outbox_overflow() {
        return overflow;
    }

    @Override
    public long outbox_block_ms() {
        return blockMs;
    }

    @Override
    public long snapshot_ttl_s() {
        return snapshotTtlS;
    }

    /** The configuration as the properties DS would pass, plus {@code extra}. */
    Map<String, Object> properties(Object... extra) {
        Map<String, Object> properties = new HashMap<>(Map.of("inbox.capacity", inboxCapacity, "publish.timeout.ms",
                publishTimeoutMs, "outbox.capacity", outboxCapacity, "outbox.overflow", overflow.name(),
                "outbox.block.ms", blockMs, "snapshot.ttl.s", snapshotTtlS, "component.name", BusCore.PID,
                "service.pid", BusCore.PID));
        for (int i = 0; i < extra.length; i += 2) {
            properties.put((String) extra[i], extra[i + 1]);
        }
        return properties;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return BusConfig.class;
    }
}
