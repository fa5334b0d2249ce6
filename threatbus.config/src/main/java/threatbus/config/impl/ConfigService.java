// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.config.model.ConfigFileException;
import threatbus.config.model.Effective;
import threatbus.config.model.Loader;
import threatbus.config.model.Problem;
import threatbus.config.model.Report;

/**
 * Turns the config file into ConfigAdmin configurations and keeps them in step with it. Which file: the
 * framework property {@value #FILE} (set by threatbus.jar's {@code -c}; empty for none), else
 * {@code config.yaml} or {@code config.yml} in the working directory. Without a file nothing is written and
 * every component runs on its defaults, as before this bundle existed. With {@value #CHECK} it only checks.
 *
 * <p>Loading is quick local work (a small file, ConfigAdmin's store); the watching runs on its own thread.
 */
@Component(service = ConfigService.class, immediate = true)
public final class ConfigService {

    static final String FILE = "threatbus.config.file";
    static final String CHECK = "threatbus.config.check";
    static final String POLL = "threatbus.config.poll.ms";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigService.class);
    private static final long DEFAULT_POLL_MILLIS = 1_000;

    private final BundleContext context;
    private final ConfigApplier applier;
    private final Launch launch;
    private final Path file;
    private final Path dotEnv;
    private FileWatch watch;
    /** The configuration applied last; guarded by this. */
    private Effective running;

    @Activate
    public ConfigService(BundleContext context, @Reference ConfigurationAdmin admin) {
        this.context = context;
        this.applier = new ConfigApplier(admin);
        this.launch = new Launch(context);
        Path workingDirectory = Path.of("").toAbsolutePath();
        this.dotEnv = workingDirectory.resolve(".env");
        String given = context.getProperty(FILE);
        this.file = given == null ? Loader.findDefault(workingDirectory) : given.isBlank() ? null : Path.of(given);
        if (Boolean.parseBoolean(context.getProperty(CHECK))) {
            launch.exit(check());
        } else if (file == null) {
            LOG.info("No config file (config.yaml, config.yml): running with the built-in defaults");
            launch.proceed();
        } else {
            start();
        }
    }

    private int check() {
        if (file == null) {
            System.out.println("No config file (config.yaml, config.yml) in " + Path.of("").toAbsolutePath()
                    + ": the built-in defaults apply");
            return 0;
        }
        try {
            Effective effective = load();
            System.out.print(Report.check(file.toString(), effective));
            return effective.valid() ? 0 : 1;
        } catch (ConfigFileException e) {
            System.out.println(e.getMessage());
            return 1;
        }
    }

    private void start() {
        Effective effective;
        try {
            effective = load();
        } catch (ConfigFileException e) {
            LOG.error("Invalid config: {}", e.getMessage());
            launch.exit(1);
            return;
        }
        log(effective);
        if (!effective.valid()) {
            LOG.error("Invalid config {}: {}", file, effective.errors().size() == 1 ? "1 error" : effective.errors().size() + " errors");
            launch.exit(1);
            return;
        }
        try {
            apply(effective);
        } catch (IOException e) {
            LOG.error("Cannot write the configuration to ConfigAdmin", e);
            launch.exit(1);
            return;
        }
        LOG.info("Configuration from {}", file);
        launch.proceed();
        watch = new FileWatch(List.of(file, dotEnv), this::reloadQuietly);
        watch.start(pollMillis());
    }

    /**
     * Loads the file again; applies it if valid, else keeps the running configuration.
     *
     * @return what happened, in one line per fact
     */
    public synchronized String reload() {
        if (file == null) {
            return "no config file: the built-in defaults apply, nothing to reload";
        }
        if (watch != null) {
            watch.rebase();
        }
        Effective effective;
        try {
            effective = load();
        } catch (ConfigFileException e) {
            LOG.error("Config not reloaded, the running configuration stays: {}", e.getMessage());
            return "not reloaded, the running configuration stays: " + e.getMessage();
        }
        log(effective);
        if (!effective.valid()) {
            LOG.error("Config {} not reloaded, the running configuration stays", file);
            List<String> lines = new ArrayList<>(List.of("not reloaded, the running configuration stays:"));
            effective.errors().forEach(p -> lines.add("  " + p));
            return String.join("\n", lines);
        }
        try {
            List<String> changed = apply(effective);
            String what = changed.isEmpty() ? "nothing changed" : "updated " + String.join(", ", changed);
            LOG.info("Config {} reloaded: {}", file, what);
            return "reloaded " + file + ": " + what;
        } catch (IOException e) {
            LOG.error("Cannot write the configuration to ConfigAdmin", e);
            return "not reloaded: " + e.getMessage();
        }
    }

    private void reloadQuietly() {
        reload();
    }

    /** The effective configuration per plugin, secrets masked, with the origin of every value. */
    public synchronized String describe(Function<String, String> state) {
        if (file == null) {
            return "no config file (config.yaml, config.yml): every component runs with its defaults and its own "
                    + "configuration from ConfigAdmin (etc/*.cfg)";
        }
        if (running == null) {
            return "config file " + file + " was not applied";
        }
        return Report.effective(file.toString(), running, state);
    }

    /** Whether the config keeps this PID's component inactive. */
    boolean unselected(String pid) {
        try {
            return applier.unselected(pid);
        } catch (IOException e) {
            return false;
        }
    }

    private synchronized List<String> apply(Effective effective) throws IOException {
        List<String> changed = applier.apply(effective);
        running = effective;
        return changed;
    }

    private Effective load() throws ConfigFileException {
        return Loader.load(file, Map.copyOf(System.getenv()), dotEnv, InstalledBundles.of(context));
    }

    private void log(Effective effective) {
        for (Problem problem : effective.errors()) {
            LOG.error("{}", problem);
        }
        for (Problem problem : effective.warnings()) {
            LOG.warn("{}", problem);
        }
        for (Problem problem : effective.notes()) {
            LOG.info("{}", problem);
        }
    }

    private long pollMillis() {
        String value = context.getProperty(POLL);
        try {
            return value == null ? DEFAULT_POLL_MILLIS : Math.max(10, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_POLL_MILLIS;
        }
    }

    @Deactivate
    void deactivate() {
        if (watch != null) {
            watch.close();
        }
        launch.close();
    }
}
