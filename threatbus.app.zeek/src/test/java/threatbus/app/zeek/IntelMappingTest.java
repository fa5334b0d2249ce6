// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import threatbus.api.message.Indicator;
import threatbus.api.message.Operation;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.ZeekEvent;

class IntelMappingTest {

    private static final String ID = "indicator--de0c3d3f-02ee-4086-88f1-51200ac831f7";
    private static final Instant CREATED = Instant.parse("2020-01-15T16:09:05Z");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final IntelMapping mapping = new IntelMapping("Tenzir");

    private static Indicator indicator(String pattern) {
        return Indicator.builder().id(ID).created(CREATED).pattern(pattern).patternType("stix")
                .validFrom(CREATED).build();
    }

    private static List<BrokerData> intelligence(ZeekEvent event) {
        assertThat(event.args()).hasSize(1);
        return ((BrokerData.Vector) event.args().get(0)).elements();
    }

    @Test
    void domainIndicatorBecomesTheOriginalsIntelEvent() {
        ZeekEvent event = mapping.toEvent(indicator("[domain-name:value = 'evil.com']"), NOW).orElseThrow();

        assertThat(event.name()).isEqualTo("Tenzir::intel");
        assertThat(intelligence(event)).containsExactly(BrokerData.timestamp(CREATED), BrokerData.str(ID),
                BrokerData.str("DOMAIN"), BrokerData.str("evil.com"), BrokerData.str("ADD"));
        assertThat(event.networkTimestamp()).contains(NOW);
    }

    @Test
    void removeUpdateBecomesRemoveOperation() {
        Indicator remove = indicator("[domain-name:value = 'evil.com']").toBuilder().update(Operation.REMOVE).build();
        assertThat(intelligence(mapping.toEvent(remove, NOW).orElseThrow()).get(4)).isEqualTo(BrokerData.str("REMOVE"));
    }

    @Test
    void editUpdateIsAnAdd() {
        Indicator edit = indicator("[domain-name:value = 'evil.com']").toBuilder().update(Operation.EDIT).build();
        assertThat(intelligence(mapping.toEvent(edit, NOW).orElseThrow()).get(4)).isEqualTo(BrokerData.str("ADD"));
    }

    @Test
    void revokedIndicatorIsRemovedFromZeek() {
        Indicator revoked = indicator("[ipv4-addr:value = '6.6.6.6']").toBuilder().revoked(true).build();
        assertThat(intelligence(mapping.toEvent(revoked, NOW).orElseThrow()).get(4)).isEqualTo(BrokerData.str("REMOVE"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "[domain-name:value = 'evil.com']|DOMAIN|evil.com",
        "[email-addr:value = 'a@evil.com']|EMAIL|a@evil.com",
        "[file:name = 'evil.exe']|FILE_NAME|evil.exe",
        "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']|FILE_HASH|d41d8cd98f00b204e9800998ecf8427e",
        "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']|FILE_HASH|da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']|FILE_HASH|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "[file:hashes.'SHA-512' = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e']|FILE_HASH|cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        "[file:hashes.'SHA3-256' = 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a']|FILE_HASH|a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
        "[file:hashes.'SHA3-512' = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e']|FILE_HASH|cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        "[file:hashes.SSDEEP = '3:a:b']|FILE_HASH|3:a:b",
        "[file:hashes.TLSH = 'T1abc']|FILE_HASH|T1abc",
        "[ipv4-addr:value = '6.6.6.6']|ADDR|6.6.6.6",
        "[ipv4-addr:value = '10.0.0.0/8']|SUBNET|10.0.0.0/8",
        "[ipv6-addr:value = '2001:db8::1']|ADDR|2001:db8::1",
        "[ipv6-addr:value = '2001:db8::/32']|SUBNET|2001:db8::/32",
        "[software:name = 'EvilSoft']|SOFTWARE|EvilSoft",
        "[url:value = 'http://evil.com/x?a=b']|URL|evil.com/x?a=b",
        "[url:value = 'HTTPS://evil.com/']|URL|evil.com/",
        "[url:value = 'evil.com/path']|URL|evil.com/path",
        "[user:user_id = 'root']|USER_NAME|root",
        "[user:account_login = 'admin']|USER_NAME|admin",
        "[x509-certificate:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']|CERT_HASH|da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "[domain-name:value = 'it\\'s.evil']|DOMAIN|it's.evil",
    })
    void everyObjectPathOfTheOriginalsTableMaps(String pattern, String type, String value) {
        List<BrokerData> intel = intelligence(mapping.toEvent(indicator(pattern), NOW).orElseThrow());
        assertThat(intel.get(2)).isEqualTo(BrokerData.str(type));
        assertThat(intel.get(3)).isEqualTo(BrokerData.str(value));
    }

    @Test
    void theTableHasExactlyTheOriginalsPaths() {
        assertThat(IntelMapping.INTEL_TYPES).hasSize(18);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[domain-name:value = 'a.com' OR domain-name:value = 'b.com']",
        "[ipv4-addr:value = '1.1.1.1' AND ipv4-addr:value = '2.2.2.2']",
        "[domain-name:value != 'evil.com']",
        "[network-traffic:dst_port = 443]",
        "[file:hashes.'SHA-224' = 'd14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f']",
        "[domain-name:value = 'a.com'] FOLLOWEDBY [domain-name:value = 'b.com']",
    })
    void anythingButAPointIocOfAKnownPathIsNotMapped(String pattern) {
        assertThat(mapping.toEvent(indicator(pattern), NOW)).isEmpty();
    }

    @Test
    void nonStixPatternsAreNotMapped() {
        Indicator snort = Indicator.builder().id(ID).created(CREATED).pattern("alert tcp any any -> any any")
                .patternType("snort").validFrom(CREATED).build();
        assertThat(mapping.toEvent(snort, NOW)).isEqualTo(Optional.empty());
    }

    @Test
    void theNamespaceIsConfigurable() {
        ZeekEvent event = new IntelMapping("Corp").toEvent(indicator("[ipv4-addr:value = '6.6.6.6']"), NOW)
                .orElseThrow();
        assertThat(event.name()).isEqualTo("Corp::intel");
    }
}
