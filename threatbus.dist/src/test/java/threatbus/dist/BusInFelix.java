// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import threatbus.api.Bus;

/**
 * What the integration tests inside Felix share: the runtime of {@code threatbus.jar} with a deploy folder of
 * its own, a fresh one per test method (a subclass may choose another reactor strategy), and the services a
 * test drives it with.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public abstract class BusInFelix {

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected CommandProcessor commands;

    @Inject
    protected Bus bus;

    @Configuration
    public Option[] config() throws Exception {
        return ThreatBusOptions.withFreshDeployFolder();
    }

    /** Runs a shell command as a user types it; its output. */
    protected String shell(String line) {
        return new Shell(commands).run(line);
    }
}
