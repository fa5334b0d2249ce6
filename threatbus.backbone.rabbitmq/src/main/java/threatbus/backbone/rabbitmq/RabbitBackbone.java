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
import org.osgi.service.metatype.annotations.Designate;

import threatbus.api.Backbone;
import threatbus.api.ThreatBusConstants;

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
        transport.stop();
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
