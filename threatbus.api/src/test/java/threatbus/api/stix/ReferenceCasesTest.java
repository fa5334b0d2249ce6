// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classification cases of the reference implementation: the STIX 2.1 specification's example
 * patterns and the reference validator's pass and fail cases. Syntax errors are expected at the
 * same offset the reference reports.
 */
class ReferenceCasesTest {

    static Stream<String> specificationExamples() {
        return Stream.of(
                "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
                "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
                "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:mime_type = 'application/x-pdf']",
                "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
                "([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [win-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) WITHIN 300 SECONDS",
                "[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1008' AND user-account:account_login = 'Paul'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1009' AND user-account:account_login = 'Mary']",
                "[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
                "[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
                "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
                "[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']",
                "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
                "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
                "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
                "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
                "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
                "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\CryptoLocker\\\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\CurrentVersion\\\\Run\\\\CryptoLocker_0388']",
                "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
                "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
                "[x-usb-device:usbdrive.serial_number = '575833314133343231313937']",
                "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES'^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
                "[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']",
                "([file:name = 'foo.dll'] AND [win-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) OR [process:name = 'fooproc' OR process:name = 'procfoo']",
                "[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a69faa']");
    }

    static Stream<String> validatorPassCases() {
        return Stream.of(
                "[file:size = 1280]",
                "[file:size != 1280]",
                "[file:size < 1024]",
                "[file:size <= 1024]",
                "[file:size > 1024]",
                "[file:size >= 1024]",
                "[file:file_name = 'my_file_name']",
                "[file:extended_properties.'ntfs-ext'.sid = '234']",
                "[emailaddr:value MATCHES '.+\\\\@ibm\\\\.com$' OR file:name MATCHES '^Final Report.+\\\\.exe$']",
                "[ipv4addr:value ISSUBSET '192.168.0.1/24']",
                "[ipv4addr:value NOT ISSUBSET '192.168.0.1/24']",
                "[user-account:value = 'Peter'] AND [user-account:value != 'Paul'] AND [user-account:value = 'Mary'] WITHIN 5 SECONDS",
                "[file:file_system_properties.file_name LIKE 'name%']",
                "[file:file_name IN ('test.txt', 'test2.exe', 'README')]",
                "[file:size IN (1024, 2048, 4096)]",
                "[network-connection:extended_properties[0].source_payload MATCHES 'dGVzdHRlc3R0ZXN0']",
                "[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN 5 SECONDS",
                "[x_whatever:detected == t'2018-03-22T12:11:14.1Z']",
                "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
                "[foo:bar=1] REPEATS 9 TIMES",
                "[network-traffic:start = '2018-04-20T12:36:24.558Z']",
                "( [(network-traffic:dst_port IN(443,6443,8443) AND network-traffic:src_packets != 0) ])",
                "([win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar']) WITHIN 5 SECONDS WITHIN 6 SECONDS",
                "([win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] REPEATS 2 TIMES) REPEATS 2 TIMES",
                "[network-traffic:src_port = 37020 AND user-account:user_id = 'root'] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z' OR [ipv4-addr:value = '192.168.122.83'] START t'2016-06-01T03:55:00.123Z' STOP t'2016-06-01T04:30:24.743Z'",
                "[file:hashes[*] = '8665c8d477534008b3058b72e2dae8ae']");
    }

    static Stream<String> timestampPassCases() {
        return Stream.of(
                "[x:created = t'2024-01-15T12:30:45Z']",
                "[x:created = t'2024-12-31T23:59:59Z']",
                "[x:created = t'2024-01-01T00:00:00Z']",
                "[x:created = t'2024-01-15T12:30:45.123Z']",
                "[x:created = t'2024-01-15T12:30:45.123456Z']",
                "[x:created = t'2024-02-29T12:00:00Z']",
                "[x:created = t'2000-02-29T12:00:00Z']",
                "[file:name = 'test'] START t'2024-01-01T00:00:00Z' STOP t'2024-12-31T23:59:59Z'",
                "[x:created = t'2024-02-30T12:00:00Z']",
                "[x:created = t'2024-04-31T12:00:00Z']",
                "[x:created = t'2023-02-29T12:00:00Z']");
    }

    static Stream<Arguments> validatorSyntaxFailCases() {
        return Stream.of(
                arguments("file:size = 1280", 0),
                arguments("[file:size = ]", 13),
                arguments("[file:hashes.MD5 = cead3f77f6cda6ec00f57d76c9a6879f]", 19),
                arguments("[file.size = 1280]", 5),
                arguments("[file:name MATCHES /.*\\.dll/]", 19),
                arguments("[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN ]", 63),
                arguments("[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN 5 HOURS]", 65),
                arguments("[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN -5 SECONDS]", 63),
                arguments("[network-traffic:dst_ref.value ISSUBSET ]", 40),
                arguments("[file:hashes.MD5 =? 'cead3f77f6cda6ec00f57d76c9a6879f']", 18),
                arguments("[x_whatever:detected == t'2457-73-22T32:81:84.1Z']", 24),
                arguments("[artifact:payload_bin = b'====']", 24),
                arguments("[foo:bar=1] within 2 seconds", 12));
    }

    static Stream<Arguments> validatorSemanticFailCases() {
        return Stream.of(
                arguments("[file:hashes.'SHA-256' = 'f00']", 25, "'f00' is not a valid SHA-256 hash"),
                arguments("[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN 5 SECONDS"
                        + " WITHIN 6 SECONDS", 73, "duplicate qualifier WITHIN on one observation"),
                arguments("([win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] REPEATS 2 TIMES"
                        + " REPEATS 3 TIMES)", 73, "duplicate qualifier REPEATS on one observation"),
                arguments("[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar']"
                        + " START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z'"
                        + " START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z'",
                        123, "duplicate qualifier START ... STOP on one observation"));
    }

    static Stream<String> timestampFailCases() {
        return Stream.of(
                "[x:created = t'2024-13-01T12:00:00Z']",
                "[x:created = t'2024-00-01T12:00:00Z']",
                "[x:created = t'2024-01-32T12:00:00Z']",
                "[x:created = t'2024-01-00T12:00:00Z']",
                "[x:created = t'2024-01-15T25:00:00Z']",
                "[x:created = t'2024-01-15T12:60:00Z']",
                "[x:created = t'2024-01-15T12:30:61Z']",
                "[x:created = t'2024-01-15T12:30:45']",
                "[x:created = t'not-a-timestamp']",
                "[x:created = t'2024/01/15T12:30:45Z']");
    }

    @ParameterizedTest
    @MethodSource({"specificationExamples", "validatorPassCases", "timestampPassCases"})
    void acceptsReferenceValidPattern(String pattern) throws InvalidPatternException {
        assertThat(StixPattern.parse(pattern).text()).isEqualTo(pattern);
        assertThat(StixPattern.isValid(pattern)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("validatorSyntaxFailCases")
    void rejectsReferenceSyntaxErrorAtReferencePosition(String pattern, int position) {
        assertThat(StixPattern.isValid(pattern)).isFalse();
        assertThatThrownBy(() -> StixPattern.parse(pattern))
                .isInstanceOf(InvalidPatternException.class)
                .hasMessageStartingWith("column " + (position + 1) + ": ")
                .extracting(e -> ((InvalidPatternException) e).position())
                .isEqualTo(position);
    }

    @ParameterizedTest
    @MethodSource("validatorSemanticFailCases")
    void rejectsReferenceSemanticError(String pattern, int position, String problem) {
        assertThat(StixPattern.isValid(pattern)).isFalse();
        assertThatThrownBy(() -> StixPattern.parse(pattern))
                .isInstanceOf(InvalidPatternException.class)
                .hasMessageContaining(problem)
                .extracting(e -> ((InvalidPatternException) e).position())
                .isEqualTo(position);
    }

    @ParameterizedTest
    @MethodSource("timestampFailCases")
    void rejectsMalformedTimestampLiteral(String pattern) {
        assertThatThrownBy(() -> StixPattern.parse(pattern))
                .isInstanceOf(InvalidPatternException.class)
                .hasMessage("column 14: malformed timestamp literal " + pattern.substring(13, pattern.length() - 1)
                        + " (expected t'YYYY-MM-DDThh:mm:ss[.fraction]Z' with valid field ranges)");
    }
}
