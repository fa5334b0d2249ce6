// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;

import threatbus.config.model.Schema;

/**
 * Applies the {@code logging:} section to Logback when Logback is the logging backend (threatbus.jar) and no
 * {@code -Dlogback.configurationFile} takes precedence; elsewhere (a test container) it does nothing. Only
 * active with a config file, so that without one threatbus.jar's built-in logback.xml stays in charge.
 */
@Component(name = Schema.LOGGING_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = LoggingConfig.class)
public final class Logging {

    static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    @Activate
    public Logging(LoggingConfig config) {
        modified(config);
    }

    @Modified
    void modified(LoggingConfig config) {
        if (System.getProperty("logback.configurationFile") != null
                || !LoggerFactory.getILoggerFactory().getClass().getName().equals(LOGBACK)) {
            return;
        }
        LogbackSetup.apply(new LogSettings(config.console(), LogSettings.level(config.console__verbosity()),
                config.file(), LogSettings.level(config.file__verbosity()), config.filename()));
    }
}
