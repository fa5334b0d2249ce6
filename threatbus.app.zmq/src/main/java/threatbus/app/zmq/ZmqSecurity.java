// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.crypto.KeyAgreement;

import org.zeromq.ZMQ;

/**
 * Who may talk to the zmq endpoint. {@link Mechanism#NULL} is the original's behaviour (anyone who reaches
 * the ports); {@link Mechanism#PLAIN} checks a user name and password (in clear text on the wire: use it
 * on trusted networks); {@link Mechanism#CURVE} encrypts and authenticates the bus with its key pair and,
 * when client keys are listed, admits only those clients.
 *
 * @param curveSecretKey the bus's CURVE secret key (32 bytes), or null
 * @param curvePublicKey the matching public key in Z85, which clients configure as the server key
 * @param allowedClients Z85 public keys of admitted CURVE clients; empty admits any client that has the key
 * @param plainUsers user name → password for PLAIN
 */
record ZmqSecurity(Mechanism mechanism, byte[] curveSecretKey, String curvePublicKey, Set<String> allowedClients,
        Map<String, String> plainUsers) {

    /** ZeroMQ's security mechanisms (RFC 23, 24, 26). */
    enum Mechanism {
        NULL, PLAIN, CURVE
    }

    static final ZmqSecurity NONE = new ZmqSecurity(Mechanism.NULL, null, null, Set.of(), Map.of());
    static final String ZAP_DOMAIN = "threatbus";
    private static final int KEY_BYTES = 32;

    /**
     * Validates the security keys of the configuration; a problem is added to {@code problems} by key.
     *
     * @param secretKey {@code curve.secret_key}, Z85
     * @param allowed {@code curve.allowed_clients}, Z85 public keys (a .cfg file gives one comma-separated string)
     * @param users {@code plain.users}, {@code name:password} entries
     */
    static ZmqSecurity of(String secretKey, String[] allowed, String[] users, List<String> problems) {
        String secret = secretKey == null ? "" : secretKey.strip();
        List<String> clients = entries(allowed);
        List<String> plain = entries(users);
        if (!secret.isEmpty() && !plain.isEmpty()) {
            problems.add("set either curve.secret_key or plain.users, not both");
            return NONE;
        }
        if (!secret.isEmpty()) {
            return curve(secret, clients, problems);
        }
        if (!clients.isEmpty()) {
            problems.add("curve.allowed_clients needs curve.secret_key");
            return NONE;
        }
        if (!plain.isEmpty()) {
            return plain(plain, problems);
        }
        return NONE;
    }

    private static ZmqSecurity curve(String secret, List<String> clients, List<String> problems) {
        byte[] key = z85Key(secret);
        if (key == null) {
            problems.add("curve.secret_key must be a 40-character Z85 CURVE key (threatbus:zmqkeys makes a pair)");
            return NONE;
        }
        Set<String> admitted = new LinkedHashSet<>();
        for (String client : clients) {
            if (z85Key(client) == null) {
                problems.add("curve.allowed_clients: \"" + client + "\" is not a 40-character Z85 public key");
            } else {
                admitted.add(client);
            }
        }
        return new ZmqSecurity(Mechanism.CURVE, key, ZMQ.Curve.z85Encode(publicKey(key)), Set.copyOf(admitted),
                Map.of());
    }

    private static ZmqSecurity plain(List<String> entries, List<String> problems) {
        Map<String, String> users = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                // never echo the entry: it holds a password
                problems.add("plain.users entries must be name:password, entry " + (users.size() + 1) + " is not");
            } else {
                users.put(entry.substring(0, colon), entry.substring(colon + 1));
            }
        }
        return new ZmqSecurity(Mechanism.PLAIN, null, null, Set.of(), Map.copyOf(users));
    }

    private static List<String> entries(String[] values) {
        return values == null ? List.of()
                : Arrays.stream(values).flatMap(v -> v == null ? Stream.empty() : Arrays.stream(v.split(",")))
                        .map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static byte[] z85Key(String text) {
        if (text.length() != 40) {
            return null;
        }
        try {
            byte[] key = ZMQ.Curve.z85Decode(text);
            return key != null && key.length == KEY_BYTES ? key : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Curve25519 public key of a secret key: X25519(secret, 9), computed with the JDK's XDH. */
    static byte[] publicKey(byte[] secretKey) {
        try {
            KeyFactory keys = KeyFactory.getInstance("XDH");
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(keys.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, secretKey)));
            agreement.doPhase(keys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                    BigInteger.valueOf(9))), true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no X25519", e);
        }
    }

    /** Makes {@code socket} the server side of the mechanism; call before it binds. */
    void serve(ZMQ.Socket socket) {
        switch (mechanism) {
            case NULL -> {
                // the original's behaviour
            }
            case PLAIN -> {
                socket.setPlainServer(true);
                socket.setZAPDomain(ZAP_DOMAIN);
            }
            case CURVE -> {
                socket.setCurveServer(true);
                socket.setCurveSecretKey(curveSecretKey);
                socket.setZAPDomain(ZAP_DOMAIN);
            }
        }
    }

    /** Whether a PLAIN user may connect. */
    boolean admitsUser(String name, String password) {
        String expected = plainUsers.get(name);
        return expected != null && MessageDigest.isEqual(expected.getBytes(ZMQ.CHARSET),
                password.getBytes(ZMQ.CHARSET));
    }

    /** Whether a CURVE client (its 32-byte public key) may connect. */
    boolean admitsClient(byte[] clientKey) {
        return allowedClients.isEmpty() || allowedClients.contains(ZMQ.Curve.z85Encode(clientKey));
    }

    /** What the shell and the log may show: the mechanism and public facts, never a secret. */
    String describe() {
        return switch (mechanism) {
            case NULL -> "none (anyone who reaches the ports)";
            case PLAIN -> "PLAIN, " + plainUsers.size() + " user(s)";
            case CURVE -> "CURVE, server key " + curvePublicKey + ", "
                    + (allowedClients.isEmpty() ? "any client with the server key" : allowedClients.size()
                            + " allowed client key(s)");
        };
    }

    @Override
    public String toString() {
        return "ZmqSecurity[" + describe() + "]";
    }
}
