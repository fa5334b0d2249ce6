// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The original's {@code logging:} section, PID {@value threatbus.config.model.Schema#LOGGING_PID}. */
@ObjectClassDefinition(name = "Threat Bus logging", description = "Console and file logging, as the original's logging: section.")
@interface LoggingConfig {

    @AttributeDefinition(name = "Log to the console")
    boolean console() default true;

    @AttributeDefinition(name = "Console verbosity", description = "DEBUG, INFO, WARNING, ERROR or CRITICAL")
    String console__verbosity() default "INFO";

    @AttributeDefinition(name = "Log to a file")
    boolean file() default false;

    @AttributeDefinition(name = "File verbosity", description = "DEBUG, INFO, WARNING, ERROR or CRITICAL")
    String file__verbosity() default "INFO";

    @AttributeDefinition(name = "Log file", description = "Relative to the working directory.")
    String filename() default "threatbus.log";
}
