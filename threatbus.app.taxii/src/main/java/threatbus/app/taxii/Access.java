// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what: users with passwords (HTTP basic), and per collection the users who may read and write it.
 * Passwords are compared in constant time and never shown.
 */
final class Access {

    private final Map<String, byte[]> passwords;
    private final Map<TaxiiCollection, Set<String>> readers;
    private final Map<TaxiiCollection, Set<String>> writers;

    Access(Map<String, byte[]> passwords, Map<TaxiiCollection, Set<String>> readers,
            Map<TaxiiCollection, Set<String>> writers) {
        this.passwords = Map.copyOf(passwords);
        this.readers = Map.copyOf(readers);
        this.writers = Map.copyOf(writers);
    }

    static Access of(TaxiiConfig config) {
        Map<String, byte[]> passwords = new HashMap<>();
        for (String user : config.users()) {
            int colon = user.indexOf(':');
            if (colon <= 0 || colon == user.length() - 1) {
                // never echo the entry: it holds a password
                throw new IllegalArgumentException("users entries must be name:password (entry "
                        + (passwords.size() + 1) + " is not)");
            }
            passwords.put(user.substring(0, colon), user.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        }
        Map<TaxiiCollection, Set<String>> readers = Map.of(TaxiiCollection.INDICATORS,
                known(passwords, "indicators.read", config.indicators_read()), TaxiiCollection.SIGHTINGS,
                known(passwords, "sightings.read", config.sightings_read()));
        Map<TaxiiCollection, Set<String>> writers = Map.of(TaxiiCollection.INDICATORS,
                known(passwords, "indicators.write", config.indicators_write()), TaxiiCollection.SIGHTINGS,
                known(passwords, "sightings.write", config.sightings_write()));
        return new Access(passwords, readers, writers);
    }

    private static Set<String> known(Map<String, byte[]> passwords, String key, String[] names) {
        for (String name : names) {
            if (!passwords.containsKey(name)) {
                throw new IllegalArgumentException(key + " names " + name + ", who is not among users");
            }
        }
        return Set.copyOf(List.of(names));
    }

    /** The user an {@code Authorization: Basic ...} header proves, or empty. */
    Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        byte[] expected = passwords.get(name);
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        // compare even for an unknown user, so that timing does not tell which names exist
        boolean match = MessageDigest.isEqual(expected == null ? new byte[given.length + 1] : expected, given);
        return match && expected != null ? Optional.of(name) : Optional.empty();
    }

    boolean canRead(String user, TaxiiCollection collection) {
        return readers.get(collection).contains(user);
    }

    boolean canWrite(String user, TaxiiCollection collection) {
        return writers.get(collection).contains(user);
    }

    boolean anyWriter() {
        return writers.values().stream().anyMatch(w -> !w.isEmpty());
    }

    @Override
    public String toString() {
        return "Access[users=" + passwords.keySet() + ", readers=" + readers + ", writers=" + writers + "]";
    }
}
