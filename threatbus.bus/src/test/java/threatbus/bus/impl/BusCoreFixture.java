// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import org.junit.jupiter.api.AfterEach;

import threatbus.api.BusOverloadedException;

/** A real core per test, started with {@link #config} as the test set it, and stopped after it. */
abstract class BusCoreFixture {

    final TestConfig config = new TestConfig();
    BusCore bus;

    BusCore start() {
        bus = new BusCore();
        bus.activate(config, config.properties());
        return bus;
    }

    /** Starts the core with one active recording backbone, {@code inmem}. */
    RecordingBackbone startWithBackbone() {
        start();
        RecordingBackbone inmem = new RecordingBackbone("inmem");
        bus.addBackbone(inmem.entry(0, 1));
        return inmem;
    }

    @AfterEach
    void stop() {
        if (bus != null) {
            bus.deactivate();
        }
    }

    static void publishAll(BusCore bus, int count) throws BusOverloadedException {
        for (int i = 0; i < count; i++) {
            bus.publish(Messages.indicator(i));
        }
    }
}
