// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code plugins.apps.taxii} in config.yaml (PID {@value TaxiiServlet#PID}); the app is off without it. Users are
 * {@code name:password}; each collection lists who may read it and who may write it (POST).
 */
@ObjectClassDefinition(name = "Threat Bus TAXII app", description = "A TAXII 2.1 server over the store.")
public @interface TaxiiConfig {

    @AttributeDefinition(description = "Address the HTTP server binds to; loopback unless told otherwise.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port of the HTTP server.")
    int port() default 9466;

    @AttributeDefinition(description = "Title of the server and its API root.")
    String title() default "Threat Bus";

    @AttributeDefinition(description = "Users, each name:password (HTTP basic authentication).")
    String[] users() default {};

    @AttributeDefinition(description = "Users who may read the indicators collection.")
    String[] indicators_read() default {};

    @AttributeDefinition(description = "Users who may post indicators onto the bus.")
    String[] indicators_write() default {};

    @AttributeDefinition(description = "Users who may read the sightings collection.")
    String[] sightings_read() default {};

    @AttributeDefinition(description = "Users who may post sightings onto the bus.")
    String[] sightings_write() default {};

    @AttributeDefinition(description = "Objects per page when the client asks for no limit, and at most.")
    int page_size() default 100;
}
