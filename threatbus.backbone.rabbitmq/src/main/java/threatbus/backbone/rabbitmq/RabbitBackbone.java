// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Backbone;
import threatbus.api.Bus;
import threatbus.api.BusOverloadedException;
import threatbus.api.ThreatBusConstants;
import threatbus.api.message.Message;

/**
 * The RabbitMQ backbone component (spec §2.2), started only when configured. It registers the
 * {@link RabbitTransport} as the {@code rabbitmq} {@link Backbone} service itself, rather than through DS,
 * so that it can keep the {@value ThreatBusConstants#BACKBONE_STATE} service property up to date (connected,
 * or disconnected and why), which {@code threatbus:status} shows. Activation only starts the connection
 * thread: it never waits for the broker.
 */
@Component(name = RabbitBackbone.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = RabbitConfig.class)
public final class RabbitBackbone {

    public static final String PID = "threatbus.backbone.rabbitmq";
    static final String NAME = "rabbitmq";

    private static final Logger LOG = LoggerFactory.getLogger(RabbitBackbone.class);
    private static final long HAND_BACK_MILLIS = 10_000;

    /** Only to hand back unconfirmed messages when stopping; the bus may stop first. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Bus bus;

    private final int ranking;
    private final RabbitTransport transport;
    /** Written once in the constructor, before the connection thread that reads it starts. */
    private volatile ServiceRegistration<Backbone> registration;

    @Activate
    public RabbitBackbone(RabbitConfig config, BundleContext context) {
        RabbitSettings settings = RabbitSettings.from(config);
        ranking = config.service_ranking();
        transport = new RabbitTransport(settings, this::stateChanged);
        registration = context.registerService(Backbone.class, transport, properties(transport.state()));
        transport.start();
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        transport.stop(this::handBack);
    }

    /** Gives a message the broker never confirmed back to the bus, trying for a while if its inbox is full. */
    private void handBack(Message message) {
        long deadline = System.currentTimeMillis() + HAND_BACK_MILLIS;
        while (true) {
            Bus current = bus;
            if (current == null) {
                LOG.error("No bus to hand back a message RabbitMQ never confirmed; {} is lost", message);
                return;
            }
            try {
                current.publish(message);
                return;
            } catch (BusOverloadedException e) {
                if (System.currentTimeMillis() > deadline) {
                    LOG.error("The bus's inbox stayed full; a message RabbitMQ never confirmed is lost: {}", message);
                    return;
                }
            }
        }
    }

    private void stateChanged(String state) {
        ServiceRegistration<Backbone> current = registration;
        if (current != null) {
            try {
                current.setProperties(properties(state));
            } catch (IllegalStateException e) {
                // unregistered while stopping
            }
        }
    }

    private Hashtable<String, Object> properties(String state) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ThreatBusConstants.BACKBONE_NAME, NAME);
        properties.put(ThreatBusConstants.BACKBONE_STATE, state);
        properties.put(Constants.SERVICE_RANKING, ranking);
        return properties;
    }
}
