// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.impl;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Bus;
import threatbus.api.BusOverloadedException;
import threatbus.api.Subscriber;
import threatbus.api.Subscription;
import threatbus.api.message.Message;

/**
 * The {@link Bus} service. Each bundle that uses it gets its own instance, which records the bundle as the
 * owner of its subscriptions (shown in {@code threatbus:status}) and ends them when the bundle lets go of
 * the service, so that a stopped or updated plugin leaves no orphaned subscription behind.
 */
@Component(service = Bus.class, scope = ServiceScope.BUNDLE)
public final class BusService implements Bus {

    private static final Logger LOG = LoggerFactory.getLogger(BusService.class);

    private final BusCore core;
    private final String owner;
    private final Set<BusSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    @Activate
    public BusService(@Reference BusCore core, ComponentContext context) {
        this.core = core;
        Bundle user = context.getUsingBundle();
        this.owner = user == null ? "?" : user.getSymbolicName();
    }

    @Override
    public void publish(Message message) throws BusOverloadedException {
        core.publish(message);
    }

    @Override
    public Subscription subscribe(Collection<String> topics, Duration snapshot, Subscriber subscriber) {
        subscriptions.removeIf(s -> !s.isActive());
        BusSubscription subscription = core.subscribe(owner, topics, snapshot, subscriber);
        subscriptions.add(subscription);
        return subscription;
    }

    @Deactivate
    void deactivate() {
        long ended = subscriptions.stream().filter(BusSubscription::isActive).peek(core::unsubscribe).count();
        if (ended > 0) {
            LOG.info("Ended {} subscription(s) of {}, which no longer uses the bus", ended, owner);
        }
        subscriptions.clear();
    }
}
