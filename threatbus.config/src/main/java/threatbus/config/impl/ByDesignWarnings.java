// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.LoggerFactory;

/**
 * Keeps the warnings the runtime causes on purpose ({@link ByDesignFilter}) out of the log while this bundle
 * runs, when Logback is the backend. It starts at start level 1; the HTTP server starts at level 2, after it
 * (run.bndrun).
 */
@Component(immediate = true)
public final class ByDesignWarnings {

    private Runnable uninstall = () -> { };

    @Activate
    void activate() {
        if (LoggerFactory.getILoggerFactory().getClass().getName().equals(Logging.LOGBACK)) {
            uninstall = LogbackSetup.filterByDesignWarnings();
        }
    }

    @Deactivate
    void deactivate() {
        uninstall.run();
    }
}
