// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ops4j.pax.tinybundles.TinyBundles;

import threatbus.dist.plugins.FakeApplication;
import threatbus.dist.plugins.FakeApplicationActivator;
import threatbus.dist.plugins.SecondBackbone;
import threatbus.dist.plugins.SecondBackboneActivator;
import threatbus.dist.plugins.SubscribingActivator;

/** Plugin bundles built on the fly from classes of this module, like third-party plugins would be. */
final class TestBundles {

    private static final String IMPORTS = "threatbus.api;version=\"[1.0,2)\",threatbus.api.message;version=\"[1.0,2)\","
            + "threatbus.api.routing;version=\"[1.0,2)\",org.osgi.framework";

    static final String FAKE_APPLICATION = "threatbus.test.fakeapp.jar";
    /** The same plugin, one version later: an upgrade. */
    static final String FAKE_APPLICATION_NEXT = "threatbus.test.fakeapp-1.0.1.jar";
    static final String SECOND_BACKBONE = "threatbus.test.secondbackbone.jar";
    static final String SUBSCRIBER = "threatbus.test.subscriber.jar";

    private TestBundles() {
    }

    /** Builds every test plugin into {@code folder}; runs in the test JVM, where TinyBundles lives. */
    static void writeAll(Path folder) {
        try {
            Files.copy(fakeApplication("1.0.0"), folder.resolve(FAKE_APPLICATION), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(fakeApplication("1.0.1"), folder.resolve(FAKE_APPLICATION_NEXT),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(secondBackbone(), folder.resolve(SECOND_BACKBONE), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(subscriber(), folder.resolve(SUBSCRIBER), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An application plugin registering the application {@value FakeApplicationActivator#NAME}. */
    private static InputStream fakeApplication(String version) {
        return TinyBundles.bundle().symbolicName("threatbus.test.fakeapp")
                .setHeader("Bundle-Version", version)
                .setHeader("Import-Package", IMPORTS)
                .addClass(FakeApplication.class)
                .addClass(FakeApplicationActivator.class)
                .activator(FakeApplicationActivator.class)
                .build(TinyBundles.rawBuilder());
    }

    /** A backbone plugin with ranking 10 named {@value SecondBackboneActivator#NAME}. */
    private static InputStream secondBackbone() {
        return TinyBundles.bundle().symbolicName("threatbus.test.secondbackbone")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", IMPORTS)
                .addClass(SecondBackbone.class)
                .addClass(SecondBackboneActivator.class)
                .activator(SecondBackboneActivator.class)
                .build(TinyBundles.rawBuilder());
    }

    /** A plugin that subscribes on start and forgets to unsubscribe. */
    private static InputStream subscriber() {
        return TinyBundles.bundle().symbolicName("threatbus.test.subscriber")
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", IMPORTS)
                .addClass(SubscribingActivator.class)
                .activator(SubscribingActivator.class)
                .build(TinyBundles.rawBuilder());
    }
}
