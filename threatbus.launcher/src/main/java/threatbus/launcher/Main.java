// SPDX-License-Identifier: BSD-3-Clause
package threatbus.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Main-Class of threatbus.jar. It reads the command line, rejects a bad config path before anything
 * starts, and hands the rest to bnd's launcher through system properties that the configuration bundle reads:
 * {@value #FILE} (the file, empty for none) and {@value #CHECK}.
 *
 * <p>It also starts the framework at start level 1, where only the platform and the configuration bundle run;
 * that bundle raises the level to {@value #TARGET_LEVEL} once the configuration is in ConfigAdmin, so that no
 * plugin ever starts with a configuration it is about to lose, and it ends the process instead when the
 * configuration is invalid or only to be checked.
 */
public final class Main {

    static final String FILE = "threatbus.config.file";
    static final String CHECK = "threatbus.config.check";
    static final String TARGET_LEVEL = "threatbus.launch.startlevel";
    static final String BEGINNING = "org.osgi.framework.startlevel.beginning";
    private static final String LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        CommandLine command;
        try {
            command = CommandLine.parse(args, Path.of("").toAbsolutePath());
        } catch (CommandLine.Rejected e) {
            System.err.println("threatbus: " + e.getMessage());
            System.exit(e.exitCode);
            return;
        }
        if (command.help()) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        System.setProperty(FILE, command.file() == null ? "" : command.file().toString());
        System.setProperty(CHECK, Boolean.toString(command.check()));
        String target = launcherProperty(BEGINNING);
        if (target != null && System.getProperty(BEGINNING) == null) {
            System.setProperty(TARGET_LEVEL, target);
            System.setProperty(BEGINNING, "1");
        }
        Class.forName(LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    }

    /** A property of the run, as bnd's export wrote it into the jar. */
    private static String launcherProperty(String key) throws IOException {
        try (InputStream in = Main.class.getClassLoader().getResourceAsStream("launcher.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        }
    }
}
