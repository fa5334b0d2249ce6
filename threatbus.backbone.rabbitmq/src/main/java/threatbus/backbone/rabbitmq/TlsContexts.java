// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of an AMQPS connection, from the JDK alone: trust either the JVM's default trust store or
 * the CA certificates of a PEM file; a client certificate, if the broker asks for one, from a PKCS#12 key
 * store (what {@code openssl pkcs12 -export} writes from RabbitMQ's usual PEM files).
 */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext create(RabbitSettings settings) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(settings.caFile().isEmpty() ? null : caStore(Path.of(settings.caFile())));
            KeyManagerFactory keys = null;
            if (!settings.keystore().isEmpty()) {
                char[] password = settings.keystorePassword().toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of(settings.keystore()))) {
                    store.load(in, password);
                }
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(RabbitBackbone.PID + ": cannot set up TLS from tls.ca_file "
                    + settings.caFile() + " and tls.keystore " + settings.keystore() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore caStore(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in " + pem);
            }
        }
        return store;
    }
}
