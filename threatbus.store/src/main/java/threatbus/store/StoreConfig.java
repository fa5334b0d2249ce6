// SPDX-License-Identifier: BSD-3-Clause
package threatbus.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code store:} section of config.yaml (PID {@value StoreApp#PID}); on without any configuration. */
@ObjectClassDefinition(name = "Threat Bus store", description = "The intel the bus carried, kept on disk.")
public @interface StoreConfig {

    @AttributeDefinition(description = "Keep the store; false turns it off (no history, no expiry).")
    boolean enabled() default true;

    @AttributeDefinition(description = "Folder of the store file, relative to the working directory or absolute.")
    String path() default "data";

    @AttributeDefinition(description = "Days of sightings kept; older ones are dropped, their counts stay.")
    int sighting_retention_days() default 30;

    @AttributeDefinition(description = "Versions kept of each indicator, the latest included; older ones are dropped.")
    int indicator_versions() default 10;
}
