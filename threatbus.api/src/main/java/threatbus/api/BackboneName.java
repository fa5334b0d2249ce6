// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type: names a {@link Backbone} service ({@value ThreatBusConstants#BACKBONE_NAME}). */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface BackboneName {
    String PREFIX_ = "threatbus.backbone.";

    /** The backbone's name, e.g. {@code inmem}. */
    String name();
}
