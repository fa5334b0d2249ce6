// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.inmem;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the in-memory backbone, PID {@value InmemBackbone#PID}. */
@ObjectClassDefinition(name = "Threat Bus in-memory backbone",
        description = "Routes messages to local subscribers without leaving the process.")
@interface InmemConfig {

    @AttributeDefinition(name = "Hand-off capacity",
            description = "Messages taken from the bus and waiting for the routing thread, at most.")
    int handoff_capacity() default 10_000;

    @AttributeDefinition(name = "Service ranking",
            description = "The backbone with the highest ranking publishes; the others stand by.")
    int service_ranking() default 0;
}
