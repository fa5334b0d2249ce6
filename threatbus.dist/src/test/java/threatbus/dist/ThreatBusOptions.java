// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;

import threatbus.app.zeek.testpeer.AnonymousTlsPolicy;

/**
 * The container of every integration test: a real Felix with exactly the bundles of the product (the
 * {@code bundlesOnly} export of {@code run.bndrun}), minus the interactive shell, plus FileInstall watching a
 * fresh folder. The zmq and Zeek apps are installed but not started: see {@link ZmqFixture} and
 * {@link ZeekFixture}.
 *
 * <p>The configuration runs in the test JVM before the framework starts, the tests run inside it with their
 * own copy of every class: what they share travels in system properties.
 */
final class ThreatBusOptions {

    private static final String DEPLOY_FOLDER = "threatbus.test.deploy";
    private static final String STAGING_FOLDER = "threatbus.test.staging";

    private ThreatBusOptions() {
    }

    /** The options, with FileInstall watching a fresh folder and the test plugins built into another. */
    static Option[] withFreshDeployFolder() {
        // every IT shares one JVM, and JSSE reads its policy once, when TLS is first used (the test Kafka
        // broker and the RabbitMQ client do so when they load): the Zeek test peer's anonymous TLS needs it
        // relaxed before any test runs
        AnonymousTlsPolicy.relax();
        Path deployDir = freshFolder("deploy");
        Path stagingDir = freshFolder("staging");
        TestBundles.writeAll(stagingDir);
        List<Option> options = new ArrayList<>();
        options.add(systemProperty(DEPLOY_FOLDER).value(deployDir.toString()));
        options.add(systemProperty(STAGING_FOLDER).value(stagingDir.toString()));
        File[] jars = new File(System.getProperty("threatbus.bundles")).listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no exported bundles in " + System.getProperty("threatbus.bundles"));
        }
        Arrays.sort(jars);
        for (File jar : jars) {
            // the shell would read the test's stdin; commands come from gogo.runtime alone
            if (jar.getName().startsWith("threatbus.app.zmq") || jar.getName().startsWith("threatbus.app.zeek")
                    || jar.getName().startsWith("threatbus.store")) {
                // tests that need them start them on free ports (ZmqFixture, ZeekFixture), so that nothing
                // depends on 13370-13372 or 47761, and the store in a fresh folder (StoreFixture), so that no
                // test sees another's history
                options.add(bundle(jar.toURI().toString()).noStart());
            } else if (!jar.getName().startsWith("org.apache.felix.gogo.shell")) {
                options.add(bundle(jar.toURI().toString()));
            }
        }
        options.add(junitBundles());
        options.add(cleanCaches());
        options.add(frameworkProperty("felix.fileinstall.dir").value(deployDir.toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("100"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("1"));
        options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        // as in threatbus.jar: no HTTP server until the TAXII app is configured
        options.add(frameworkProperty("org.apache.felix.http.enable").value("false"));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        return options.toArray(Option[]::new);
    }

    /** The folder FileInstall watches in the running test. */
    static Path deployFolder() {
        return Path.of(System.getProperty(DEPLOY_FOLDER));
    }

    /** Where the test plugin bundles were built. */
    static Path stagingFolder() {
        return Path.of(System.getProperty(STAGING_FOLDER));
    }

    /** A new folder below the integration tests' working folder. */
    static Path freshFolder(String prefix) {
        try {
            Path base = Path.of(System.getProperty("threatbus.itest.dir", "target/itest"));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
