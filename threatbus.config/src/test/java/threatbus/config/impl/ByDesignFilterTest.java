// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class ByDesignFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void configure() {
        ByDesignFilter filter = new ByDesignFilter();
        filter.start();
        context.addTurboFilter(filter);
        logged.setContext(context);
        logged.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logged);
    }

    @Test
    void jettyDisabledOnPurposeIsNotWarnedAbout() {
        context.getLogger(ByDesignFilter.HTTP_LOGGER).warn(ByDesignFilter.JETTY_DISABLED);

        assertThat(logged.list).isEmpty();
    }

    @Test
    void everythingElseOfJettyAndOfOthersPasses() {
        context.getLogger(ByDesignFilter.HTTP_LOGGER).warn("Failed to bind 127.0.0.1:8443");
        context.getLogger(ByDesignFilter.HTTP_LOGGER).error(ByDesignFilter.JETTY_DISABLED);
        context.getLogger("threatbus.app.taxii.HttpServerSwitch").warn(ByDesignFilter.JETTY_DISABLED);

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Failed to bind 127.0.0.1:8443", ByDesignFilter.JETTY_DISABLED, ByDesignFilter.JETTY_DISABLED);
    }
}
