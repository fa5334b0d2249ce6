// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Test helpers: check YAML text or one of the original's files with a given environment. */
final class Configs {

    /** What threatbus.jar installs. */
    static final Predicate<String> RUNTIME = Set.of("threatbus.bus", "threatbus.backbone.inmem", "threatbus.app.zmq",
            "threatbus.app.zeek", "threatbus.app.misp", "threatbus.config", "threatbus.metrics", "threatbus.store", "threatbus.app.taxii")::contains;

    private Configs() {
    }

    static Effective check(String yaml) {
        return check(yaml, Map.of(), Map.of());
    }

    static Effective check(String yaml, Map<String, String> env, Map<String, String> dotEnv) {
        try {
            return Checker.check(Layers.of(YamlFile.parse("config.yaml", yaml), env, dotEnv), RUNTIME);
        } catch (ConfigFileException e) {
            throw new AssertionError(e);
        }
    }

    static String original(String name) {
        try (InputStream in = Configs.class.getResourceAsStream("/original/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PidConfig config(Effective effective, String pid) {
        return effective.configs().stream().filter(c -> c.pid().equals(pid)).findFirst()
                .orElseThrow(() -> new AssertionError("no configuration for " + pid + " in " + effective));
    }

    static String minimal(String apps) {
        return "plugins:\n  backbones:\n    inmem:\n  apps:\n" + apps;
    }
}
