// SPDX-License-Identifier: BSD-3-Clause
package threatbus.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code [-c|--config FILE] [--check] [-h|--help]}, as the original's {@code threatbus} command: the file must
 * be named {@code *.yaml} or {@code *.yml} and exist; without {@code -c}, {@code config.yaml} and then
 * {@code config.yml} in the working directory are used if there.
 *
 * @param file the config file, absolute; null when none was given and no default file exists
 * @param check validate and exit instead of running
 * @param help print the usage and exit
 */
record CommandLine(Path file, boolean check, boolean help) {

    static final String USAGE = "usage: java -jar threatbus.jar [-c|--config FILE] [--check]\n"
            + "  -c, --config FILE  the configuration (default: config.yaml, then config.yml, in the working directory;\n"
            + "                     without either, the built-in defaults)\n"
            + "  --check            check the configuration, list every problem with its key, exit 0 if valid, 1 if not\n";

    /** A command line that cannot run: the message is one line, the exit code 1 for a bad file, 2 for usage. */
    static final class Rejected extends Exception {

        private static final long serialVersionUID = 1L;
        final int exitCode;

        Rejected(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    static CommandLine parse(String[] args, Path workingDirectory) throws Rejected {
        String config = null;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-c") || arg.equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new Rejected(arg + " needs a file", 2);
                }
                config = args[++i];
            } else if (arg.startsWith("--config=")) {
                config = arg.substring("--config=".length());
            } else if (arg.equals("--check")) {
                check = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                return new CommandLine(null, false, true);
            } else {
                throw new Rejected("unknown argument " + arg + " (see --help)", 2);
            }
        }
        if (config == null) {
            for (String name : new String[] {"config.yaml", "config.yml"}) {
                Path candidate = workingDirectory.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return new CommandLine(candidate.toAbsolutePath(), check, false);
                }
            }
            return new CommandLine(null, check, false);
        }
        if (!config.endsWith("yaml") && !config.endsWith("yml")) {
            throw new Rejected("Please provide a `yaml` or `yml` configuration file (got " + config + ")", 1);
        }
        Path file = workingDirectory.resolve(config).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new Rejected("config file not found: " + file, 1);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Rejected("config file is not a readable file: " + file, 1);
        }
        return new CommandLine(file, check, false);
    }
}
