// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the config file and {@code .env} for changed content, on its own thread. Polling the bytes (rather
 * than file-system events) also sees files replaced by a rename or behind a swapped symbolic link, as editors
 * and orchestrators do, and a touch that changes nothing triggers nothing.
 */
final class FileWatch {

    private static final Logger LOG = LoggerFactory.getLogger(FileWatch.class);

    private final List<Path> files;
    private final Runnable onChange;
    private final ScheduledExecutorService poller;
    private byte[][] seen;

    FileWatch(List<Path> files, Runnable onChange) {
        this.files = List.copyOf(files);
        this.onChange = onChange;
        this.seen = read();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "threatbus-config-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(long periodMillis) {
        poller.scheduleWithFixedDelay(this::poll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Takes the current content as seen, so that a change already handled does not trigger again. */
    synchronized void rebase() {
        seen = read();
    }

    private void poll() {
        try {
            if (changed()) {
                onChange.run(); // outside the lock: the reload rebases
            }
        } catch (RuntimeException e) {
            LOG.error("Reloading the configuration failed", e);
        }
    }

    private synchronized boolean changed() {
        byte[][] now = read();
        if (Arrays.deepEquals(now, seen)) {
            return false;
        }
        seen = now;
        return true;
    }

    private byte[][] read() {
        byte[][] content = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            try {
                content[i] = Files.isRegularFile(files.get(i)) ? Files.readAllBytes(files.get(i)) : null;
            } catch (IOException e) {
                content[i] = null; // e.g. replaced right now; the next poll sees it
            }
        }
        return content;
    }

    void close() {
        poller.shutdownNow();
    }
}
