// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import java.util.Hashtable;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up handshake with threatbus.jar's command line, which starts the framework at start level 1 (the
 * platform and this bundle) and names the real level in {@value #TARGET_LEVEL}. Once the configuration is in
 * ConfigAdmin, {@link #proceed()} raises the level so that the bus and its plugins start with it; when the
 * process should end instead (invalid configuration, {@code --check}), {@link #exit(int)} hands bnd's launcher
 * an exit code through its {@code main.thread} service. Outside threatbus.jar (tests, other launchers) the
 * framework's start level is left alone.
 */
final class Launch {

    static final String TARGET_LEVEL = "threatbus.launch.startlevel";
    private static final Logger LOG = LoggerFactory.getLogger(Launch.class);
    /** bnd's launcher service; launcher.ready is set once its own start-level request is queued. */
    private static final String LAUNCHER_READY = "(&(objectClass=aQute.launcher.Launcher)(launcher.ready=true))";

    private final BundleContext context;
    private final AtomicBoolean raised = new AtomicBoolean();
    private ServiceTracker<Object, Object> launcher;
    private ServiceRegistration<?> exit;

    Launch(BundleContext context) {
        this.context = context;
    }

    /** Lets the bus and the plugins start, after bnd's launcher has finished its own start-up. */
    synchronized void proceed() {
        String target = context.getProperty(TARGET_LEVEL);
        if (target == null || launcher != null) {
            return;
        }
        int level = Integer.parseInt(target.strip());
        try {
            launcher = new ServiceTracker<>(context, FrameworkUtil.createFilter(LAUNCHER_READY), null) {
                @Override
                public Object addingService(ServiceReference<Object> reference) {
                    if (raised.compareAndSet(false, true)) {
                        LOG.debug("Configuration applied; starting the bus (start level {})", level);
                        context.getBundle(0).adapt(FrameworkStartLevel.class).setStartLevel(level);
                    }
                    return reference;
                }
            };
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        launcher.open(true);
    }

    /** Ends the process with {@code code} once bnd's launcher takes over its main thread. */
    synchronized void exit(int code) {
        if (exit != null) {
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("main.thread", "true");
        exit = context.registerService(Callable.class, new ExitCode(code), properties);
    }

    /** A class, not a lambda: the launcher checks that {@code call()} is declared to return Integer. */
    private static final class ExitCode implements Callable<Integer> {

        private final int code;

        ExitCode(int code) {
            this.code = code;
        }

        @Override
        public Integer call() {
            return code;
        }
    }

    synchronized void close() {
        if (launcher != null) {
            launcher.close();
        }
        if (exit != null) {
            try {
                exit.unregister();
            } catch (IllegalStateException e) {
                // already gone with the framework
            }
        }
    }
}
