// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import org.osgi.annotation.versioning.ProviderType;

/** Service property names of the Threat Bus whiteboard. */
@ProviderType
public final class ThreatBusConstants {

    /** The name of an {@link Application} service, e.g. {@code zmq}: the key of its plugin configuration. */
    public static final String APPLICATION_NAME = "threatbus.app.name";

    /** The name of a {@link Backbone} service, e.g. {@code inmem}. */
    public static final String BACKBONE_NAME = "threatbus.backbone.name";

    /**
     * Optional on a {@link Backbone} service: its state for people, e.g. {@code connected} or
     * {@code disconnected: Connection refused}. The bus shows it in its status and picks it up when the backbone
     * updates its service properties. A backbone without it is assumed ready.
     */
    public static final String BACKBONE_STATE = "threatbus.backbone.state";

    private ThreatBusConstants() {
    }
}
