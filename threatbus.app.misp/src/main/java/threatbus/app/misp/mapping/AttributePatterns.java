// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static threatbus.app.misp.mapping.StixText.comparison;
import static threatbus.app.misp.mapping.StixText.observation;
import static threatbus.app.misp.mapping.StixText.point;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import threatbus.api.stix.InvalidPatternException;
import threatbus.api.stix.StixPattern;

/**
 * MISP attribute type and value to STIX 2.1 pattern. Where Threat Bus consumers can use it, the result is a
 * <em>point</em> pattern (one equality in one observation), because the Zeek and VAST apps accept nothing
 * else. Every result is checked with {@link StixPattern#parse}, which also checks hash lengths.
 *
 * <table>
 * <caption>The mapping ({@code v} the value, {@code a|b} the two parts of a composite value)</caption>
 * <tr><th>MISP type</th><th>STIX pattern</th></tr>
 * <tr><td>ip, ip-src, ip-dst</td><td>{@code [ipv4-addr:value = 'v']}, {@code ipv6-addr} if v has a {@code :}
 *     (CIDR allowed); the original typed IPv6 as IPv4</td></tr>
 * <tr><td>ip-src|port, ip-dst|port</td><td>the ip's point pattern; the port is dropped (it narrows a
 *     C2 address no consumer could otherwise match; the original rejected these types)</td></tr>
 * <tr><td>domain, hostname; hostname|port</td><td>{@code [domain-name:value = 'v']}; the port is dropped</td></tr>
 * <tr><td>domain|ip</td><td>{@code [domain-name:value = 'a'] AND [ipv4-addr:value = 'b']} (or ipv6-addr), as in
 *     the original: two independent IoCs, neither may be dropped, and one indicator cannot carry two point
 *     patterns</td></tr>
 * <tr><td>url, uri</td><td>{@code [url:value = 'v']}; {@code link} is a reference to a report, not mapped</td></tr>
 * <tr><td>email, email-src, email-dst, eppn</td><td>{@code [email-addr:value = 'v']}</td></tr>
 * <tr><td>email-src-display-name, email-dst-display-name</td><td>{@code [email-addr:display_name = 'v']}</td></tr>
 * <tr><td>email-subject, email-message-id</td><td>{@code [email-message:subject = 'v']},
 *     {@code [email-message:message_id = 'v']}</td></tr>
 * <tr><td>email-reply-to, email-x-mailer</td><td>{@code [email-message:additional_header_fields.'Reply-To' = 'v']},
 *     {@code …'X-Mailer' = 'v'}</td></tr>
 * <tr><td>email-attachment</td><td>{@code [email-message:body_multipart[*].body_raw_ref.name = 'v']}</td></tr>
 * <tr><td>mac-address, mac-eui-64</td><td>{@code [mac-addr:value = 'v']}</td></tr>
 * <tr><td>AS</td><td>{@code [autonomous-system:number = 174]}: an integer, "AS" prefix stripped</td></tr>
 * <tr><td>filename</td><td>{@code [file:name = 'v']}</td></tr>
 * <tr><td>md5, sha1, sha224, sha256, sha384, sha512, sha3-224, sha3-256, sha3-384, sha3-512, ssdeep, tlsh,
 *     imphash, impfuzzy, authentihash, pehash, vhash, telfhash, cdhash</td><td>{@code [file:hashes.MD5 = 'v']},
 *     {@code 'SHA-1'}, {@code 'SHA-224'}, {@code 'SHA-256'}, …, {@code 'SHA3-512'}, {@code SSDEEP}, {@code TLSH},
 *     {@code IMPHASH}, … (upper-cased MISP name for the custom ones)</td></tr>
 * <tr><td>filename|&lt;hash&gt; for each hash above</td><td>the hash's point pattern; the file name is dropped from
 *     the pattern (it stays in the indicator's name): the hash identifies the content whatever its name, and a
 *     point pattern is what consumers can match ({@code [file:name = 'a' AND file:hashes.MD5 = 'b']} would be
 *     valid but unusable for them)</td></tr>
 * <tr><td>x509-fingerprint-md5, -sha1, -sha256</td><td>{@code [x509-certificate:hashes.MD5 = 'v']},
 *     {@code 'SHA-1'}, {@code 'SHA-256'}</td></tr>
 * <tr><td>regkey</td><td>{@code [windows-registry-key:key = 'v']}</td></tr>
 * <tr><td>regkey|value</td><td>{@code [windows-registry-key:key = 'a' AND windows-registry-key:values[*].data = 'b']}:
 *     one observation, because both describe the same key</td></tr>
 * <tr><td>mutex</td><td>{@code [mutex:name = 'v']}</td></tr>
 * <tr><td>stix2-pattern</td><td>the value if it is a valid pattern, else the value in brackets</td></tr>
 * </table>
 *
 * <p>Every other type is unmapped, among them sha512/224 and sha512/256 (no STIX hash name; misp-stix maps them
 * to SHA-224/SHA-256, which would be wrong), port, user-agent, http-method, ja3/jarm/hassh fingerprints, link,
 * free text (comment, text, other), and rule languages (snort, yara, sigma: another {@code pattern_type}).
 */
public final class AttributePatterns {

    private static final Map<String, String> HASH_KEYS = hashKeys();
    private static final Map<String, UnaryOperator<String>> RULES = rules();

    private AttributePatterns() {
    }

    /**
     * The STIX pattern for an attribute.
     *
     * @return empty if the type has no mapping
     * @throws IllegalArgumentException if the value does not fit the type (a malformed hash or AS number, a
     *         composite value without {@code |}, a stix2-pattern that does not parse), with a message saying why
     */
    public static Optional<String> pattern(String type, String value) {
        UnaryOperator<String> rule = RULES.get(type);
        if (rule == null) {
            return Optional.empty();
        }
        String problem;
        try {
            String pattern = rule.apply(value);
            StixPattern.parse(pattern);
            return Optional.of(pattern);
        } catch (InvalidPatternException e) {
            problem = "gives no valid STIX pattern: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        throw new IllegalArgumentException(type + " value " + MispJson.quote(value) + " " + problem);
    }

    /** Whether {@link #pattern} maps the type. */
    public static boolean isMapped(String type) {
        return RULES.containsKey(type);
    }

    /** All mapped MISP types. */
    public static Set<String> mappedTypes() {
        return Collections.unmodifiableSet(RULES.keySet());
    }

    private static Map<String, UnaryOperator<String>> rules() {
        Map<String, UnaryOperator<String>> rules = new LinkedHashMap<>();
        for (String type : new String[] {"ip", "ip-src", "ip-dst"}) {
            rules.put(type, AttributePatterns::ip);
        }
        rules.put("ip-src|port", v -> ip(first(v)));
        rules.put("ip-dst|port", v -> ip(first(v)));
        rules.put("domain", v -> point("domain-name:value", v));
        rules.put("hostname", v -> point("domain-name:value", v));
        rules.put("hostname|port", v -> point("domain-name:value", first(v)));
        rules.put("domain|ip", v -> point("domain-name:value", first(v)) + " AND " + ip(second(v)));
        rules.put("url", v -> point("url:value", v));
        rules.put("uri", v -> point("url:value", v));
        for (String type : new String[] {"email", "email-src", "email-dst", "eppn"}) {
            rules.put(type, v -> point("email-addr:value", v));
        }
        rules.put("email-src-display-name", v -> point("email-addr:display_name", v));
        rules.put("email-dst-display-name", v -> point("email-addr:display_name", v));
        rules.put("email-subject", v -> point("email-message:subject", v));
        rules.put("email-message-id", v -> point("email-message:message_id", v));
        rules.put("email-reply-to", v -> point("email-message:additional_header_fields.'Reply-To'", v));
        rules.put("email-x-mailer", v -> point("email-message:additional_header_fields.'X-Mailer'", v));
        rules.put("email-attachment", v -> point("email-message:body_multipart[*].body_raw_ref.name", v));
        rules.put("mac-address", v -> point("mac-addr:value", v));
        rules.put("mac-eui-64", v -> point("mac-addr:value", v));
        rules.put("AS", AttributePatterns::autonomousSystem);
        rules.put("filename", v -> point("file:name", v));
        HASH_KEYS.forEach((hash, key) -> {
            rules.put(hash, v -> point("file:hashes." + key, v));
            rules.put("filename|" + hash, v -> {
                first(v); // not in the pattern, but a composite value needs both parts
                return point("file:hashes." + key, second(v));
            });
        });
        rules.put("x509-fingerprint-md5", v -> point("x509-certificate:hashes.MD5", v));
        rules.put("x509-fingerprint-sha1", v -> point("x509-certificate:hashes.'SHA-1'", v));
        rules.put("x509-fingerprint-sha256", v -> point("x509-certificate:hashes.'SHA-256'", v));
        rules.put("regkey", v -> point("windows-registry-key:key", v));
        rules.put("regkey|value", v -> observation(comparison("windows-registry-key:key", first(v)),
                comparison("windows-registry-key:values[*].data", second(v))));
        rules.put("mutex", v -> point("mutex:name", v));
        rules.put("stix2-pattern", AttributePatterns::stixPattern);
        return Collections.unmodifiableMap(rules);
    }

    /** MISP hash type to STIX hashes key; keys with {@code -} must be quoted in a path. */
    private static Map<String, String> hashKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("md5", "MD5");
        keys.put("sha1", "'SHA-1'");
        keys.put("sha224", "'SHA-224'");
        keys.put("sha256", "'SHA-256'");
        keys.put("sha384", "'SHA-384'");
        keys.put("sha512", "'SHA-512'");
        keys.put("sha3-224", "'SHA3-224'");
        keys.put("sha3-256", "'SHA3-256'");
        keys.put("sha3-384", "'SHA3-384'");
        keys.put("sha3-512", "'SHA3-512'");
        keys.put("ssdeep", "SSDEEP");
        keys.put("tlsh", "TLSH");
        keys.put("imphash", "IMPHASH");
        keys.put("impfuzzy", "IMPFUZZY");
        keys.put("authentihash", "AUTHENTIHASH");
        keys.put("pehash", "PEHASH");
        keys.put("vhash", "VHASH");
        keys.put("telfhash", "TELFHASH");
        keys.put("cdhash", "CDHASH");
        return keys;
    }

    /** MISP writes IPv4 and IPv6 addresses (and CIDR blocks) under the same types; a colon means IPv6. */
    private static String ip(String value) {
        return point(value.indexOf(':') >= 0 ? "ipv6-addr:value" : "ipv4-addr:value", value);
    }

    // rules throw IllegalArgumentException with just the reason; pattern() names the type and value
    private static String autonomousSystem(String value) {
        String digits = value.strip();
        if (digits.regionMatches(true, 0, "AS", 0, 2)) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(digits) > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("is not an AS number");
        }
        return "[autonomous-system:number = " + Long.parseLong(digits) + "]";
    }

    /** Accepts the pattern with or without its outer brackets, as the original did. */
    private static String stixPattern(String value) {
        String trimmed = value.strip();
        return StixPattern.isValid(trimmed) ? trimmed : "[" + trimmed + "]";
    }

    private static String first(String composite) {
        return part(composite, true);
    }

    private static String second(String composite) {
        return part(composite, false);
    }

    /** A part of {@code value1|value2}, split at the first bar. */
    private static String part(String composite, boolean first) {
        int bar = composite.indexOf('|');
        String part = bar < 0 ? "" : first ? composite.substring(0, bar) : composite.substring(bar + 1);
        if (part.isEmpty()) {
            throw new IllegalArgumentException("is not of the form value1|value2");
        }
        return part;
    }
}
