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
