// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the warnings the runtime causes on purpose, so that a start with the defaults shows none: Felix's
 * Jetty is installed for the TAXII app but disabled until that is configured, and says so when it starts.
 * Only loaded with Logback.
 */
final class ByDesignFilter extends TurboFilter {

    static final String HTTP_LOGGER = "org.apache.felix.http";
    static final String JETTY_DISABLED = "Jetty not started (HTTP and HTTPS disabled)";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        boolean jettyDisabled = level == Level.WARN && HTTP_LOGGER.equals(logger.getName())
                && JETTY_DISABLED.equals(format);
        return jettyDisabled ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
