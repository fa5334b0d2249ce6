// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a config file, the environment and {@code .env} together, and checks the result. */
public final class Loader {

    /** Default file names, looked up in this order in the working directory. */
    public static final List<String> DEFAULT_NAMES = List.of("config.yaml", "config.yml");

    private Loader() {
    }

    /**
     * @param file the config file
     * @param environment the process environment
     * @param dotEnvFile the {@code .env} file; it need not exist
     * @param installed whether a bundle is installed, by symbolic name
     * @throws ConfigFileException when the file cannot be read or is no YAML mapping
     */
    public static Effective load(Path file, Map<String, String> environment, Path dotEnvFile,
            Predicate<String> installed) throws ConfigFileException {
        Map<String, Object> yaml = YamlFile.parse(file.getFileName().toString(), read(file));
        Map<String, String> dotEnv = Map.of();
        if (Files.isRegularFile(dotEnvFile)) {
            dotEnv = DotEnv.parse(read(dotEnvFile));
        }
        return Checker.check(Layers.of(yaml, environment, dotEnv), installed);
    }

    /** The default config file in {@code directory}, if there is one. */
    public static Path findDefault(Path directory) {
        return DEFAULT_NAMES.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private static String read(Path file) throws ConfigFileException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigFileException(file + ": cannot be read: " + e.getMessage());
        }
    }
}
