// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.security.Security;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * TEST JVM ONLY. The test peer speaks Zeek's anonymous TLS through JSSE, which needs {@code anon} and
 * {@code ECDH} removed from {@code jdk.tls.disabledAlgorithms}. JSSE reads the property once, so this runs
 * when the JUnit session opens, before any test touches TLS. Surefire runs the module's tests in one JVM, so
 * the relaxation applies to all of them; production code never changes this property (the endpoint's
 * anonymous TLS runs on BouncyCastle and needs no policy change), which is what makes the JSSE client a
 * cross-implementation check.
 */
public final class RelaxedTlsPolicy implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        if (disabled == null) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (String entry : disabled.split(",")) {
            String e = entry.trim();
            if (!e.equals("anon") && !e.equals("ECDH")) {
                kept.append(kept.length() == 0 ? "" : ", ").append(e);
            }
        }
        Security.setProperty("jdk.tls.disabledAlgorithms", kept.toString());
    }
}
