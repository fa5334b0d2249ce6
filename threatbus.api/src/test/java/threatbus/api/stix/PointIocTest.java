// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PointIocTest {

    private static PointIoc ioc(String pattern) {
        Optional<PointIoc> ioc = PointIoc.of(pattern);
        assertThat(ioc).as(pattern).isPresent();
        return ioc.get();
    }

    @Test
    void splitsIpv4Address() {
        PointIoc ioc = ioc("[ipv4-addr:value = '6.6.6.6']");
        assertThat(ioc.objectPath()).isEqualTo("ipv4-addr:value");
        assertThat(ioc.value()).isEqualTo("6.6.6.6");
        assertThat(ioc.isStringValue()).isTrue();
    }

    @Test
    void splitsIpv6AddressAndDomainName() {
        assertThat(ioc("[ipv6-addr:value = '::1']").value()).isEqualTo("::1");
        assertThat(ioc("[domain-name:value = 'evil.com']").objectPath()).isEqualTo("domain-name:value");
    }

    @Test
    void keepsQuotedPathStepsAsWritten() {
        PointIoc ioc = ioc("[x509-certificate:hashes.'SHA-1' = '6e6187d58483457f86eae49315a0a72d7543459a']");
        assertThat(ioc.objectPath()).isEqualTo("x509-certificate:hashes.'SHA-1'");
        assertThat(ioc.value()).isEqualTo("6e6187d58483457f86eae49315a0a72d7543459a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[file:hashes[*] = 'x']                          | file:hashes[*]",
            "[ a : b [ 0 ] . c = 1 ]                         | a:b[0].c",
            "[a:b[-1].'it\\'s'.c = 1]                        | a:b[-1].'it\\'s'.c",
            "[/* c */ file /* c */ : /* c */ name = 'x']     | file:name",
            "[file:'name' = 'x']                             | file:'name'"})
    void rendersObjectPathWithoutWhitespace(String pattern, String path) {
        assertThat(ioc(pattern).objectPath()).isEqualTo(path);
    }

    @Test
    void unescapesStringValues() {
        assertThat(ioc("[file:name = 'it\\'s']").value()).isEqualTo("it's");
        assertThat(ioc("[file:parent_directory_ref.path = 'C:\\\\Windows']").value())
                .isEqualTo("C:\\Windows");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[file:size = 1280]                          | 1280",
            "[file:size = -1.5]                          | -1.5",
            "[x:flag = true]                             | true",
            "[file:magic_number_hex = h'ff']             | h'ff'",
            "[artifact:payload_bin = b'AAAA']            | b'AAAA'",
            "[x:created = t'2020-01-01T00:00:00Z']       | t'2020-01-01T00:00:00Z'"})
    void keepsNonStringValuesAsWritten(String pattern, String value) {
        PointIoc ioc = ioc(pattern);
        assertThat(ioc.value()).isEqualTo(value);
        assertThat(ioc.isStringValue()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"([a:b = 'x'])", "[(a:b = 'x')]", "(([((a:b = 'x'))]))", " [a:b='x'] // note"})
    void allowsParenthesesAroundTheComparison(String pattern) {
        assertThat(ioc(pattern)).isEqualTo(ioc("[a:b = 'x']"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "Some string",
            "6.6.6.6 = ipv4-addr:value",
            "ipv4-addr:value = '6.6.6.6'",
            "[ipv4-addr:value == '6.6.6.6']",
            "[ipv4-addr:value = '6.6.6.6'",
            "ipv4-addr:value = '6.6.6.6']",
            "[ipv4-addr:value = 6.6.6.6]",
            "[ipv4-addr:value = '6.6.6.6' AND domain-name:value = 'evil.com']",
            "[ipv4-addr:value = '6.6.6.6'] AND [domain-name:value = 'evil.com']",
            "[]",
            "[ipv4-addr:value = '1' AND ipv4-addr:value = '2']",
            "[ipv4-addr:value = '1' OR ipv4-addr:value = '2']",
            "[ipv4-addr:value != '6.6.6.6']",
            "[ipv4-addr:value <> '6.6.6.6']",
            "[ipv4-addr:value NOT = '6.6.6.6']",
            "[ipv4-addr:value IN ('6.6.6.6')]",
            "[ipv4-addr:value ISSUBSET '6.6.6.0/24']",
            "[EXISTS ipv4-addr:value]",
            "[ipv4-addr:value = '6.6.6.6'] WITHIN 5 SECONDS",
            "([ipv4-addr:value = '6.6.6.6']) REPEATS 2 TIMES",
            "[file:hashes.MD5 = 'not-a-hash']"})
    void isAbsentForPatternsThatAreNotPointIocs(String pattern) {
        assertThat(PointIoc.of(pattern)).isEmpty();
    }

    @Test
    void parsedPatternExposesTheSamePointIoc() throws InvalidPatternException {
        StixPattern pattern = StixPattern.parse("[domain-name:value = 'evil.com']");
        assertThat(pattern.isPointIoc()).isTrue();
        assertThat(pattern.pointIoc()).contains(ioc("[domain-name:value = 'evil.com']"));
        StixPattern notIoc = StixPattern.parse("[domain-name:value != 'evil.com']");
        assertThat(notIoc.isPointIoc()).isFalse();
        assertThat(notIoc.pointIoc()).isEmpty();
    }

    @Test
    void equalityConsidersPathValueAndKind() {
        PointIoc string = ioc("[a:b = '1']");
        assertThat(string).isEqualTo(ioc("[ a:b='1' ]")).hasSameHashCodeAs(ioc("[ a:b='1' ]"));
        assertThat(string).isNotEqualTo(ioc("[a:b = 1]")).isNotEqualTo(ioc("[a:c = '1']"))
                .isNotEqualTo(ioc("[a:b = '2']")).isNotEqualTo(null).isNotEqualTo("[a:b = '1']");
    }

    @Test
    void toStringRendersAnEquivalentPattern() {
        PointIoc ioc = ioc("[file:name   =   'it\\'s \\\\ here']");
        assertThat(ioc).hasToString("[file:name = 'it\\'s \\\\ here']");
        assertThat(PointIoc.of(ioc.toString())).contains(ioc);
        assertThat(ioc("[file:size = 1]")).hasToString("[file:size = 1]");
    }
}
