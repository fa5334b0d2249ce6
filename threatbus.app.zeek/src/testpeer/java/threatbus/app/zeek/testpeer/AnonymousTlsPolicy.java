// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.testpeer;

import java.security.Security;

/**
 * TEST JVMs ONLY. The test peer speaks Zeek's anonymous TLS through JSSE, which needs {@code anon} and
 * {@code ECDH} removed from {@code jdk.tls.disabledAlgorithms}. JSSE reads the property once, when TLS is
 * first used in the JVM, so this must run before anything touches TLS. Production code never changes this
 * property (the endpoint's anonymous TLS runs on BouncyCastle and needs no policy change), which is what makes
 * the JSSE client a cross-implementation check.
 */
public final class AnonymousTlsPolicy {

    private AnonymousTlsPolicy() {
    }

    /** Allows anonymous ECDH suites in this JVM's JSSE. Idempotent. */
    public static synchronized void relax() {
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
