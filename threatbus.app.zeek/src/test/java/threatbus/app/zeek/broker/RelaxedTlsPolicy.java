// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import threatbus.app.zeek.testpeer.AnonymousTlsPolicy;

/**
 * Relaxes JSSE's policy for the test peer's anonymous TLS when the JUnit session opens, before any test touches
 * TLS (see {@link AnonymousTlsPolicy}). Surefire runs the module's tests in one JVM, so it applies to all.
 */
public final class RelaxedTlsPolicy implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        AnonymousTlsPolicy.relax();
    }
}
