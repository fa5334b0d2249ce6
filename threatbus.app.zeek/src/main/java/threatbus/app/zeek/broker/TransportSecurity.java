// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a Broker connection is protected. Both sides must agree: a TLS peer and a plain peer never finish the
 * handshake. Use {@link #PLAIN} for Zeek with {@code Broker::disable_ssl=T}, {@link #ANONYMOUS_TLS} for Zeek's
 * default, and {@link #mutualTls} when Zeek has {@code Broker::ssl_certificate}, {@code ssl_keyfile} and
 * {@code ssl_cafile} set.
 */
public sealed interface TransportSecurity {

    /** Plain TCP. */
    TransportSecurity PLAIN = new Plain();

    /**
     * Zeek's default: TLS 1.2 with anonymous ECDH ({@code TLS_ECDH_anon_WITH_AES_256_CBC_SHA}, group P-384).
     * Protects only against passive observers. Implemented on BouncyCastle's TLS API so that this endpoint can
     * offer the anonymous suite without relaxing the JVM's TLS policy for anything else.
     */
    TransportSecurity ANONYMOUS_TLS = new AnonymousTls();

    /**
     * TLS 1.2 or 1.3 with certificates on both sides, verified against the CA file.
     *
     * @param certificateFile our certificate chain, PEM
     * @param keyFile our private key, PEM (PKCS#8, or traditional OpenSSL format; may be encrypted)
     * @param caFile trusted CA certificates, PEM
     * @param passphrase for an encrypted key, or {@code null}
     */
    static TransportSecurity mutualTls(Path certificateFile, Path keyFile, Path caFile, String passphrase) {
        return new MutualTls(certificateFile, keyFile, caFile, passphrase);
    }

    /** Which of the three modes this is. */
    Mode mode();

    enum Mode {
        PLAIN, ANONYMOUS_TLS, MUTUAL_TLS
    }

    record Plain() implements TransportSecurity {
        @Override
        public Mode mode() {
            return Mode.PLAIN;
        }
    }

    record AnonymousTls() implements TransportSecurity {
        @Override
        public Mode mode() {
            return Mode.ANONYMOUS_TLS;
        }
    }

    record MutualTls(Path certificateFile, Path keyFile, Path caFile, String passphrase) implements TransportSecurity {
        public MutualTls {
            Objects.requireNonNull(certificateFile, "certificateFile");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(caFile, "caFile");
        }

        @Override
        public Mode mode() {
            return Mode.MUTUAL_TLS;
        }

        @Override
        public String toString() {
            // Never print the passphrase.
            return "MutualTls[certificateFile=" + certificateFile + ", keyFile=" + keyFile + ", caFile=" + caFile
                    + ", passphrase=" + (passphrase == null ? "none" : "***") + "]";
        }
    }
}
