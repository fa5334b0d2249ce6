// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import threatbus.api.stix.InvalidPatternException;
import threatbus.api.stix.PointIoc;
import threatbus.api.stix.StixPattern;

/** Every row of the MISP type to STIX pattern table, the original plugin's cases, and the rejections. */
class AttributePatternsTest {

    private static final String MD5 = "3d8c1104c6c2482eb4afc4458109a84e";
    private static final String SHA1 = "6e6187d58483457f86eae49315a0a72d7543459a";
    private static final String SHA256 = "6aab1f6a6f58fb33fbf15050d7aae38a870e477f42a1707ab3aa243b512cdb6b";

    /** The original plugin's test table (expressions now with brackets) plus every row added here. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(quoteCharacter = '"', delimiterString = " ~ ", textBlock = """
            ip ~ 6.6.6.6 ~ [ipv4-addr:value = '6.6.6.6']
            ip-src ~ 6.6.6.6 ~ [ipv4-addr:value = '6.6.6.6']
            ip-dst ~ 6.6.6.6 ~ [ipv4-addr:value = '6.6.6.6']
            ip-dst ~ 10.0.0.0/8 ~ [ipv4-addr:value = '10.0.0.0/8']
            ip-src ~ 2001:db8::1 ~ [ipv6-addr:value = '2001:db8::1']
            ip ~ 2001:db8::/32 ~ [ipv6-addr:value = '2001:db8::/32']
            ip-dst ~ ::ffff:1.2.3.4 ~ [ipv6-addr:value = '::ffff:1.2.3.4']
            hostname ~ evil.com ~ [domain-name:value = 'evil.com']
            domain ~ evil.com ~ [domain-name:value = 'evil.com']
            mac-address ~ 00:e0:f0:a0:a1:a2 ~ [mac-addr:value = '00:e0:f0:a0:a1:a2']
            mac-eui-64 ~ 00:e0:f0:a0:a1:a2 ~ [mac-addr:value = '00:e0:f0:a0:a1:a2']
            email ~ foo@bar.com ~ [email-addr:value = 'foo@bar.com']
            email-dst ~ foo@bar.com ~ [email-addr:value = 'foo@bar.com']
            email-src ~ foo@bar.com ~ [email-addr:value = 'foo@bar.com']
            eppn ~ foo@bar.com ~ [email-addr:value = 'foo@bar.com']
            email-src-display-name ~ Foo Bar ~ [email-addr:display_name = 'Foo Bar']
            email-dst-display-name ~ Foo Bar ~ [email-addr:display_name = 'Foo Bar']
            email-subject ~ Your invoice ~ [email-message:subject = 'Your invoice']
            email-message-id ~ <1@bar.com> ~ [email-message:message_id = '<1@bar.com>']
            email-reply-to ~ foo@bar.com ~ [email-message:additional_header_fields.'Reply-To' = 'foo@bar.com']
            email-x-mailer ~ Mailer 1.0 ~ [email-message:additional_header_fields.'X-Mailer' = 'Mailer 1.0']
            email-attachment ~ invoice.pdf.exe ~ [email-message:body_multipart[*].body_raw_ref.name = 'invoice.pdf.exe']
            url ~ https://example.com/foo/bar ~ [url:value = 'https://example.com/foo/bar']
            uri ~ https://example.com/foo/bar ~ [url:value = 'https://example.com/foo/bar']
            AS ~ 123456 ~ [autonomous-system:number = 123456]
            AS ~ AS174 ~ [autonomous-system:number = 174]
            AS ~ as4294967295 ~ [autonomous-system:number = 4294967295]
            filename ~ evil.exe ~ [file:name = 'evil.exe']
            md5 ~ 3d8c1104c6c2482eb4afc4458109a84e ~ [file:hashes.MD5 = '3d8c1104c6c2482eb4afc4458109a84e']
            sha1 ~ 6e6187d58483457f86eae49315a0a72d7543459a ~ [file:hashes.'SHA-1' = '6e6187d58483457f86eae49315a0a72d7543459a']
            sha256 ~ 6aab1f6a6f58fb33fbf15050d7aae38a870e477f42a1707ab3aa243b512cdb6b ~ [file:hashes.'SHA-256' = '6aab1f6a6f58fb33fbf15050d7aae38a870e477f42a1707ab3aa243b512cdb6b']
            ssdeep ~ 96:s4Ud1Lj96tHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO/wqWXLcMSx:sF1LjEtHHlZDrJzrhuyZvHYm8tKp/RWO ~ [file:hashes.SSDEEP = '96:s4Ud1Lj96tHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO/wqWXLcMSx:sF1LjEtHHlZDrJzrhuyZvHYm8tKp/RWO']
            tlsh ~ T1A2F0C0 ~ [file:hashes.TLSH = 'T1A2F0C0']
            imphash ~ 3d8c1104c6c2482eb4afc4458109a84e ~ [file:hashes.IMPHASH = '3d8c1104c6c2482eb4afc4458109a84e']
            filename|md5 ~ evil.exe|3d8c1104c6c2482eb4afc4458109a84e ~ [file:hashes.MD5 = '3d8c1104c6c2482eb4afc4458109a84e']
            filename|sha1 ~ evil.exe|6e6187d58483457f86eae49315a0a72d7543459a ~ [file:hashes.'SHA-1' = '6e6187d58483457f86eae49315a0a72d7543459a']
            filename|sha256 ~ b.exe|6aab1f6a6f58fb33fbf15050d7aae38a870e477f42a1707ab3aa243b512cdb6b ~ [file:hashes.'SHA-256' = '6aab1f6a6f58fb33fbf15050d7aae38a870e477f42a1707ab3aa243b512cdb6b']
            regkey|value ~ HKCU\\Run|a|b ~ [windows-registry-key:key = 'HKCU\\\\Run' AND windows-registry-key:values[*].data = 'a|b']
            filename|tlsh ~ evil.exe|T1A2F0C0 ~ [file:hashes.TLSH = 'T1A2F0C0']
            domain|ip ~ example.com|example.com ~ [domain-name:value = 'example.com'] AND [ipv4-addr:value = 'example.com']
            domain|ip ~ example.com|1.2.3.4 ~ [domain-name:value = 'example.com'] AND [ipv4-addr:value = '1.2.3.4']
            domain|ip ~ example.com|2001:db8::1 ~ [domain-name:value = 'example.com'] AND [ipv6-addr:value = '2001:db8::1']
            ip-dst|port ~ 6.6.6.6|443 ~ [ipv4-addr:value = '6.6.6.6']
            ip-src|port ~ 2001:db8::1|8080 ~ [ipv6-addr:value = '2001:db8::1']
            hostname|port ~ evil.com|8443 ~ [domain-name:value = 'evil.com']
            regkey ~ HKLM\\Software\\Run ~ [windows-registry-key:key = 'HKLM\\\\Software\\\\Run']
            regkey|value ~ HKLM\\Run|C:\\x.exe ~ [windows-registry-key:key = 'HKLM\\\\Run' AND windows-registry-key:values[*].data = 'C:\\\\x.exe']
            mutex ~ Global\\evil ~ [mutex:name = 'Global\\\\evil']
            x509-fingerprint-md5 ~ 3d8c1104c6c2482eb4afc4458109a84e ~ [x509-certificate:hashes.MD5 = '3d8c1104c6c2482eb4afc4458109a84e']
            x509-fingerprint-sha1 ~ 6e6187d58483457f86eae49315a0a72d7543459a ~ [x509-certificate:hashes.'SHA-1' = '6e6187d58483457f86eae49315a0a72d7543459a']
            x509-fingerprint-sha256 ~ 6aab1f6a6f58fb33fbf15050d7aae38a870e477f42a1707ab3aa243b512cdb6b ~ [x509-certificate:hashes.'SHA-256' = '6aab1f6a6f58fb33fbf15050d7aae38a870e477f42a1707ab3aa243b512cdb6b']
            stix2-pattern ~ ipv4-addr:value = '6.6.6.6' ~ [ipv4-addr:value = '6.6.6.6']
            stix2-pattern ~ [ipv4-addr:value = '6.6.6.6'] ~ [ipv4-addr:value = '6.6.6.6']
            stix2-pattern ~ [a:b = 'c'] AND [d:e = 'f'] ~ [a:b = 'c'] AND [d:e = 'f']
            """)
    void mapsTypeAndValue(String type, String value, String expected) throws InvalidPatternException {
        // a text block reads \\ as one backslash: values hold one, patterns escape it as two
        assertThat(AttributePatterns.pattern(type, value)).contains(expected);
        assertThat(AttributePatterns.isMapped(type)).isTrue();
        StixPattern.parse(expected);
    }

    /** Each plain and filename| hash type, with a value of the right length. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", textBlock = """
            md5 ~ MD5 ~ 32
            sha1 ~ 'SHA-1' ~ 40
            sha224 ~ 'SHA-224' ~ 56
            sha256 ~ 'SHA-256' ~ 64
            sha384 ~ 'SHA-384' ~ 96
            sha512 ~ 'SHA-512' ~ 128
            sha3-224 ~ 'SHA3-224' ~ 56
            sha3-256 ~ 'SHA3-256' ~ 64
            sha3-384 ~ 'SHA3-384' ~ 96
            sha3-512 ~ 'SHA3-512' ~ 128
            imphash ~ IMPHASH ~ 32
            impfuzzy ~ IMPFUZZY ~ 20
            authentihash ~ AUTHENTIHASH ~ 64
            pehash ~ PEHASH ~ 40
            vhash ~ VHASH ~ 30
            telfhash ~ TELFHASH ~ 70
            cdhash ~ CDHASH ~ 40
            """)
    void mapsHashes(String type, String key, int length) {
        String key1 = key.replace("'", "");
        String stixKey = key1.contains("-") ? "'" + key1 + "'" : key1;
        String hash = "a".repeat(length);
        String expected = "[file:hashes." + stixKey + " = '" + hash + "']";
        assertThat(AttributePatterns.pattern(type, hash)).contains(expected);
        assertThat(AttributePatterns.pattern("filename|" + type, "x.dll|" + hash)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", textBlock = """
            md5 ~ fooo
            sha1 ~ 3d8c1104c6c2482eb4afc4458109a84e
            sha256 ~ 6e6187d58483457f86eae49315a0a72d7543459a
            sha512 ~ 6aab1f6a6f58fb33fbf15050d7aae38a870e477f42a1707ab3aa243b512cdb6b
            sha224 ~ zz8c1104c6c2482eb4afc4458109a84e3d8c1104c6c2482eb4afc445
            sha3-256 ~ 3d8c1104c6c2482eb4afc4458109a84e
            ssdeep ~ 96:not a hash!
            filename|md5 ~ evil.exe|fooo
            x509-fingerprint-md5 ~ fooo
            x509-fingerprint-sha1 ~ fooo
            x509-fingerprint-sha256 ~ fooo
            AS ~ AS
            AS ~ 12a
            AS ~ 4294967296
            AS ~ -1
            stix2-pattern ~ not a pattern
            domain|ip ~ example.com
            domain|ip ~ example.com|
            filename|sha1 ~ |6e6187d58483457f86eae49315a0a72d7543459a
            ip-dst|port ~ 6.6.6.6
            """)
    void rejectsValuesThatDoNotFitTheType(String type, String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> AttributePatterns.pattern(type, value))
                .withMessageContaining(type);
    }

    /** The original's explicitly unmapped types, and ones left unmapped here on purpose. */
    @ParameterizedTest
    @ValueSource(strings = {"port", "user-agent", "http-method", "snort", "pattern-in-file", "filename-pattern",
        "pattern-in-traffic", "attachment", "comment", "text", "ja3-fingerprint-md5", "jarm-fingerprint",
        "hassh-md5", "hasshserver-md5", "other", "hex", "cookie", "bro", "zeek", "community-id", "favicon-mmh3",
        "link", "yara", "sigma", "sha512/224", "filename|sha512/256", "email-body", "malware-sample",
        "IP-SRC", "no-such-type", ""})
    void leavesTypesUnmapped(String type) {
        assertThat(AttributePatterns.pattern(type, "x")).isEmpty();
        assertThat(AttributePatterns.isMapped(type)).isFalse();
    }

    /** The original had email-subject unmapped; it is a point pattern, so it is mapped here. */
    @Test
    void differsFromTheOriginalOnEmailSubject() {
        assertThat(AttributePatterns.isMapped("email-subject")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's", "C:\\temp\\", "a\\'b", "'", "\\", "\\\\'", "line\nbreak", "ünïcödé ✓", "] OR [x:y = 'z"})
    void escapesStringLiterals(String value) throws InvalidPatternException {
        for (String type : new String[] {"domain", "url", "filename", "regkey", "email-subject"}) {
            String pattern = AttributePatterns.pattern(type, value).orElseThrow();
            StixPattern parsed = StixPattern.parse(pattern);
            assertThat(parsed.isPointIoc()).as(pattern).isTrue();
            assertThat(PointIoc.of(pattern)).get().extracting(PointIoc::value).isEqualTo(value);
        }
    }

    /** Every mapped type but the two AND-compounds and pass-through gives a point pattern, as consumers need. */
    @Test
    void mappedTypesGivePointPatterns() throws InvalidPatternException {
        for (String type : AttributePatterns.mappedTypes()) {
            if (type.equals("domain|ip") || type.equals("regkey|value") || type.equals("stix2-pattern")) {
                continue;
            }
            String value = sampleValue(type);
            String pattern = AttributePatterns.pattern(type, value).orElseThrow();
            assertThat(StixPattern.parse(pattern).isPointIoc()).as(type + " -> " + pattern).isTrue();
        }
    }

    @Test
    void compoundTypesCombineAsDocumented() throws InvalidPatternException {
        StixPattern domainIp = StixPattern.parse(AttributePatterns.pattern("domain|ip", "a.com|1.2.3.4").orElseThrow());
        assertThat(domainIp.hasObservationOperators()).isTrue();
        assertThat(domainIp.objectTypes()).containsExactly("domain-name", "ipv4-addr");
        StixPattern regkeyValue = StixPattern.parse(AttributePatterns.pattern("regkey|value", "k|v").orElseThrow());
        assertThat(regkeyValue.hasObservationOperators()).isFalse();
        assertThat(regkeyValue.comparisonCount()).isEqualTo(2);
    }

    /** A value valid for every mapped type; used here and to produce the indicators checked against the schema. */
    static String sampleValue(String type) {
        String hashPart = type.startsWith("filename|") ? type.substring("filename|".length()) : type;
        String hash = switch (hashPart) {
            case "md5", "imphash", "x509-fingerprint-md5" -> MD5;
            case "sha1", "pehash", "cdhash", "x509-fingerprint-sha1" -> SHA1;
            case "sha256", "sha3-256", "authentihash", "x509-fingerprint-sha256" -> SHA256;
            case "sha224", "sha3-224" -> "b".repeat(56);
            case "sha384", "sha3-384" -> "c".repeat(96);
            case "sha512", "sha3-512" -> "d".repeat(128);
            case "ssdeep", "impfuzzy" -> "24:Ezd0jbDl4r+aD:EoDsA";
            case "tlsh", "vhash", "telfhash" -> "T1" + "E".repeat(70);
            default -> null;
        };
        if (hash != null) {
            return type.startsWith("filename|") ? "dropper.exe|" + hash : hash;
        }
        return switch (type) {
            case "ip", "ip-src" -> "198.51.100.7";
            case "ip-dst" -> "2001:db8::7";
            case "ip-src|port", "ip-dst|port" -> "203.0.113.9|4444";
            case "hostname|port" -> "c2.example.net|8443";
            case "domain|ip" -> "c2.example.net|203.0.113.9";
            case "AS" -> "AS64500";
            case "mac-address" -> "00:e0:f0:a0:a1:a2";
            case "mac-eui-64" -> "00:e0:f0:ff:fe:a0:a1:a2";
            case "regkey" -> "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
            case "regkey|value" -> "HKLM\\Software\\Run|%TEMP%\\it's.exe";
            case "stix2-pattern" -> "[process:name = 'evil.exe']";
            case "url", "uri" -> "https://evil.example.net/a?b='c'";
            default -> type.startsWith("email") ? "mallory@example.net" : "O'Brien\\evil " + type;
        };
    }
}
