// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;

/** Replaces the root logger's appenders by the ones the logging section asks for. Only loaded with Logback. */
final class LogbackSetup {

    private LogbackSetup() {
    }

    static void apply(LogSettings settings) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        if (settings.console()) {
            root.addAppender(start(context, new ConsoleAppender<>(), "CONSOLE", settings.consoleLevel()));
        }
        if (settings.file()) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(settings.filename());
            file.setAppend(true);
            root.addAppender(start(context, file, "FILE", settings.fileLevel()));
        }
        root.setLevel(Level.toLevel(settings.rootLevel()));
    }

    /** Adds a {@link ByDesignFilter} to Logback; the returned action removes it. */
    static Runnable filterByDesignWarnings() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ByDesignFilter filter = new ByDesignFilter();
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
        return () -> context.getTurboFilterList().remove(filter);
    }

    private static OutputStreamAppender<ILoggingEvent> start(LoggerContext context,
            OutputStreamAppender<ILoggingEvent> appender, String name, String level) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(LogSettings.PATTERN);
        encoder.start();
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(level);
        threshold.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.addFilter(threshold);
        appender.start();
        return appender;
    }
}
