// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type: names an {@link Application} service ({@value ThreatBusConstants#APPLICATION_NAME}). */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ApplicationName {
    String PREFIX_ = "threatbus.app.";

    /** The application's name, e.g. {@code zmq}. */
    String name();
}
