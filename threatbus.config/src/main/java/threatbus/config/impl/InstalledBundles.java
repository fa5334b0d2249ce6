// SPDX-License-Identifier: BSD-3-Clause
package threatbus.config.impl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Which plugin bundles are there: installed in the framework, or waiting as jars in the folders FileInstall
 * deploys from (which {@code --check} runs before).
 */
final class InstalledBundles {

    private InstalledBundles() {
    }

    static Predicate<String> of(BundleContext context) {
        Set<String> names = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getState() != Bundle.UNINSTALLED) {
                names.add(bundle.getSymbolicName());
            }
        }
        String folders = context.getProperty("felix.fileinstall.dir");
        if (folders != null) {
            for (String folder : folders.split(",")) {
                names.addAll(jars(Path.of(folder.strip())));
            }
        }
        return names::contains;
    }

    private static Set<String> jars(Path folder) {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    Manifest manifest = file.getManifest();
                    String name = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                    if (name != null) {
                        names.add(name.split(";")[0].strip());
                    }
                } catch (IOException e) {
                    // not a jar we can read: FileInstall will say so
                }
            }
        } catch (IOException e) {
            // an unreadable folder: FileInstall will say so
        }
        return names;
    }
}
