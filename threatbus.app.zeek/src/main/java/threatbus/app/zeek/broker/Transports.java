// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** Turns an accepted socket into a {@link Transport} for the configured {@link TransportSecurity}. */
abstract class Transports {

    private static final int BUFFER = 64 * 1024;

    /** Runs the TLS handshake, if any; blocks until it is done or the socket is closed. */
    abstract Transport open(Socket socket) throws IOException;

    /** Prepares the mode; for mutual TLS this reads the PEM files, so configuration errors surface early. */
    static Transports forServer(TransportSecurity security) throws IOException, GeneralSecurityException {
        return switch (security.mode()) {
            case PLAIN -> new Plain();
            case ANONYMOUS_TLS -> new AnonymousTls();
            case MUTUAL_TLS -> new MutualTls(mutualContext((TransportSecurity.MutualTls) security));
        };
    }

    private static final class Plain extends Transports {
        @Override
        Transport open(Socket socket) throws IOException {
            return new Transport(socket, new BufferedInputStream(socket.getInputStream(), BUFFER),
                    new BufferedOutputStream(socket.getOutputStream(), BUFFER), null, "plain");
        }
    }

    private static final class AnonymousTls extends Transports {
        private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());

        @Override
        Transport open(Socket socket) throws IOException {
            TlsServerProtocol tls = new TlsServerProtocol(socket.getInputStream(), socket.getOutputStream());
            tls.accept(new AnonymousTlsServer(crypto));
            // TLS records carry at most 16 KiB; buffering more only delays the flush.
            return new Transport(socket, new BufferedInputStream(tls.getInputStream(), BUFFER),
                    new BufferedOutputStream(tls.getOutputStream(), 16 * 1024), tls::close,
                    "TLSv1.2 TLS_ECDH_anon_WITH_AES_256_CBC_SHA");
        }
    }

    private static final class MutualTls extends Transports {
        private final SSLContext context;

        MutualTls(SSLContext context) {
            this.context = context;
        }

        @Override
        Transport open(Socket socket) throws IOException {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
            tls.setUseClientMode(false);
            // Broker sets SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT.
            tls.setNeedClientAuth(true);
            tls.setEnabledProtocols(supported(tls.getSupportedProtocols(), "TLSv1.3", "TLSv1.2"));
            tls.setEnabledCipherSuites(strongSuites(tls.getEnabledCipherSuites()));
            tls.startHandshake();
            String protection = tls.getSession().getProtocol() + " " + tls.getSession().getCipherSuite();
            return new Transport(socket, new BufferedInputStream(tls.getInputStream(), BUFFER),
                    new BufferedOutputStream(tls.getOutputStream(), 16 * 1024), tls, protection);
        }
    }

    /** Forward-secret AEAD suites only, the modern subset of OpenSSL's {@code HIGH:!aNULL:!MD5}. */
    static String[] strongSuites(String[] enabled) {
        return Arrays.stream(enabled)
                .filter(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")
                        || s.startsWith("TLS_ECDHE_") && (s.contains("_GCM_") || s.contains("CHACHA20")))
                .toArray(String[]::new);
    }

    private static String[] supported(String[] available, String... wanted) {
        List<String> have = List.of(available);
        return Arrays.stream(wanted).filter(have::contains).toArray(String[]::new);
    }

    private static SSLContext mutualContext(TransportSecurity.MutualTls config)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = PemFiles.certificates(config.certificateFile());
        PrivateKey key = PemFiles.privateKey(config.keyFile(), config.passphrase());
        List<X509Certificate> cas = PemFiles.certificates(config.caFile());
        char[] storePassword = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("broker", key, storePassword, chain.toArray(X509Certificate[]::new));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            trust.setCertificateEntry("ca-" + i, cas.get(i));
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, storePassword);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }
}
