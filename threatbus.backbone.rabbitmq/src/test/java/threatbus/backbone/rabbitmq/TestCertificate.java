// SPDX-License-Identifier: BSD-3-Clause
package threatbus.backbone.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate for {@code localhost}/127.0.0.1 made with the JDK's keytool, self-signed or signed by a test
 * CA: the PKCS#12 key store (key and chain), and the certificate and unencrypted PKCS#8 key as PEM files, as
 * RabbitMQ reads them. (Erlang refuses self-signed client certificates, hence the CA.)
 */
record TestCertificate(Path keystore, String password, Path certPem, Path keyPem, String alias) {

    private static final String PASSWORD = "changeit";

    /** A self-signed certificate; {@code ca} makes it able to sign others. */
    static TestCertificate selfSigned(Path dir, String name, boolean ca) throws Exception {
        Path keystore = newKeystore(dir, name, ca);
        return read(dir, keystore, name);
    }

    /** A certificate signed by {@code issuer}; its key store holds the chain. */
    static TestCertificate signedBy(Path dir, String name, TestCertificate issuer) throws Exception {
        Path keystore = newKeystore(dir, name, false);
        Path request = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + "-chain.pem");
        keytool("-certreq", "-alias", name, "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", request.toString());
        keytool("-gencert", "-alias", issuer.alias(), "-keystore", issuer.keystore().toString(), "-storepass",
                PASSWORD, "-infile", request.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "2",
                "-ext", "san=dns:localhost,ip:127.0.0.1");
        keytool("-importcert", "-noprompt", "-alias", "issuer", "-file", issuer.certPem().toString(),
                "-keystore", keystore.toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-alias", name, "-file", signed.toString(), "-keystore", keystore.toString(),
                "-storepass", PASSWORD);
        return read(dir, keystore, name);
    }

    private static Path newKeystore(Path dir, String name, boolean ca) throws Exception {
        Files.createDirectories(dir);
        Path keystore = dir.resolve(name + ".p12");
        Files.deleteIfExists(keystore);
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize",
                "2048", "-validity", "2", "-dname", "CN=" + (ca ? "Threat Bus test CA" : "localhost"),
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD));
        if (ca) {
            args.addAll(List.of("-ext", "bc:c"));
        }
        keytool(args.toArray(String[]::new));
        return keystore;
    }

    private static TestCertificate read(Path dir, Path keystore, String name) throws IOException,
            GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        Key key = store.getKey(name, PASSWORD.toCharArray());
        Path certPem = dir.resolve(name + "-cert.pem");
        Path keyPem = dir.resolve(name + "-key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", store.getCertificate(name).getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        return new TestCertificate(keystore, PASSWORD, certPem, keyPem, name);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
