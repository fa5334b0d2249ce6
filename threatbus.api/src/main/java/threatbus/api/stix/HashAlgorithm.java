// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The hash algorithms whose values the semantic checks validate, keyed by normalised name. */
enum HashAlgorithm {
    MD5(32),
    MD6(32, 40, 56, 64, 96, 128),
    RIPEMD160(40),
    SHA1(40),
    SHA224(56),
    SHA256(64),
    SHA384(96),
    SHA512(128),
    SHA3224(56),
    SHA3256(64),
    SHA3384(96),
    SHA3512(128),
    /** Checked as 1 to 128 characters of {@code [a-zA-Z0-9/+:.]} rather than as hex. */
    SSDEEP(),
    WHIRLPOOL(128);

    private static final Map<String, HashAlgorithm> BY_KEY = new HashMap<>();

    static {
        for (HashAlgorithm algorithm : values()) {
            BY_KEY.put(algorithm.name(), algorithm);
        }
    }

    private final int[] hexLengths;

    HashAlgorithm(int... hexLengths) {
        this.hexLengths = hexLengths;
    }

    /**
     * The algorithm a hashes key names: case and hyphens are ignored ({@code 'SHA-256'} and
     * {@code sha256} are the same). Returns null for algorithms that are not checked.
     */
    static HashAlgorithm forKey(String key) {
        if (key.length() > 16) {
            return null;
        }
        return BY_KEY.get(key.toUpperCase(Locale.ROOT).replace("-", ""));
    }

    /** Whether {@code value} is well-formed for this algorithm. */
    boolean accepts(String value) {
        if (this == SSDEEP) {
            if (value.isEmpty() || value.length() > 128) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (!Lexer.isDigit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')
                        && c != '/' && c != '+' && c != ':' && c != '.') {
                    return false;
                }
            }
            return true;
        }
        boolean lengthOk = false;
        for (int length : hexLengths) {
            lengthOk |= value.length() == length;
        }
        if (!lengthOk) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!LiteralScanner.isHex(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
