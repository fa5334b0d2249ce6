// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.BackboneUnavailableException;
import threatbus.api.message.Message;
import threatbus.api.message.StixObject;

/**
 * The one thread that moves messages from the inbox to the active backbone, in order. A message leaves the
 * bus only when a backbone's {@code publish} returned normally; while there is no backbone, or the active
 * one is unavailable, the message waits (and the inbox fills up, which publishers feel as backpressure).
 */
final class Dispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** How long to wait before retrying a backbone that was unavailable. */
    static final long RETRY_MILLIS = 100;
    /** How often a backbone may throw unexpectedly on one message before the message is given up. */
    static final int MAX_ATTEMPTS = 3;

    private final Inbox inbox;
    private final BackboneSelector backbones;
    private final Metrics metrics;
    private final OnceLog onceLog = new OnceLog(LOG);
    private final Thread thread;
    private volatile boolean running = true;

    Dispatcher(Inbox inbox, BackboneSelector backbones, Metrics metrics) {
        this.inbox = inbox;
        this.backbones = backbones;
        this.metrics = metrics;
        this.thread = new Thread(this, "threatbus-dispatcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Messages accepted but not yet handed to a backbone. */
    int pending() {
        return inbox.size();
    }

    /** Waits up to {@code timeoutMillis} for every accepted message to be handed over. */
    boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (pending() > 0) {
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    void stop(long timeoutMillis) {
        running = false;
        thread.interrupt();
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        int attempts = 0;
        Message last = null;
        try {
            while (running) {
                Message message = inbox.peek(1000);
                if (message == null) {
                    continue;
                }
                if (message != last) {
                    last = message;
                    attempts = 0;
                }
                long version = backbones.version();
                BackboneSelector.Entry active = backbones.active();
                if (active == null) {
                    onceLog.warn("none", "No backbone is active: accepted messages wait in the inbox until one "
                            + "is installed");
                    backbones.awaitChange(version, 1000);
                    continue;
                }
                onceLog.clear("none");
                try {
                    active.backbone().publish(message);
                    inbox.removeHead();
                    last = null;
                    onceLog.clear(active.name());
                } catch (BackboneUnavailableException e) {
                    onceLog.warn(active.name(), "Backbone {} is unavailable, messages wait in the inbox: {}",
                            active.name(), e.getMessage());
                    backbones.awaitChange(version, RETRY_MILLIS);
                } catch (RuntimeException | LinkageError e) {
                    attempts++;
                    if (attempts >= MAX_ATTEMPTS) {
                        LOG.error("Backbone {} failed {} times on {} {}; giving the message up (counted)",
                                active.name(), attempts, message.typeName(), describe(message), e);
                        metrics.dispatchFailed();
                        inbox.removeHead();
                        last = null;
                    } else {
                        LOG.warn("Backbone {} failed on {} {}; retrying", active.name(), message.typeName(),
                                describe(message), e);
                        backbones.awaitChange(version, RETRY_MILLIS);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Message message) {
        return message instanceof StixObject stix ? stix.id() : message.topic();
    }
}
