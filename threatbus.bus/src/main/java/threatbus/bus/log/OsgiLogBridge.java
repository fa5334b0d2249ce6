// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.log;

import java.util.Collections;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes warnings and errors of the OSGi log into the bus's log, so that what Declarative Services, the
 * framework and FileInstall report (a component that failed to activate, a bundle that did not resolve)
 * shows up next to the bus's own lines. On arrival it also writes the problems logged before it started.
 */
@Component(immediate = true)
public final class OsgiLogBridge implements LogListener {

    private volatile long startedAt = Long.MAX_VALUE;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindLogReader(LogReaderService reader) {
        long now = System.currentTimeMillis();
        startedAt = now;
        List<LogEntry> earlier = Collections.list(reader.getLog());
        Collections.reverse(earlier); // getLog() is newest first
        earlier.stream().filter(e -> e.getTime() <= now).forEach(this::logged);
        reader.addLogListener(this);
    }

    void unbindLogReader(LogReaderService reader) {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level != LogLevel.ERROR && level != LogLevel.WARN && level != LogLevel.AUDIT) {
            return;
        }
        Bundle bundle = entry.getBundle();
        Logger log = LoggerFactory.getLogger(bundle == null ? entry.getLoggerName() : bundle.getSymbolicName());
        String message = entry.getMessage();
        if (level == LogLevel.WARN) {
            log.warn("{}", message, entry.getException());
        } else {
            log.error("{}", message, entry.getException());
        }
    }

    long startedAt() {
        return startedAt;
    }
}
