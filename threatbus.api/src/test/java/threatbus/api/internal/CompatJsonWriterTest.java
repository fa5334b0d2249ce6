// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The writer reproduces Python's {@code json.dumps} defaults; expected strings were produced by Python 3.11. */
class CompatJsonWriterTest {

    private static String rewrite(String json) throws Exception {
        return new String(CompatJsonWriter.write(Json.MAPPER.readTree(json)), StandardCharsets.US_ASCII);
    }

    @Test
    void escapesLikeEnsureAscii() throws Exception {
        String in = "{\"s\": \"caf\u00e9 \uD83D\uDE00 \\u0001 \u007f tab\\t nl\\n quote\\\" back\\\\ slash/ <>&\"}";

        assertThat(rewrite(in)).isEqualTo(
                "{\"s\": \"caf\\u00e9 \\ud83d\\ude00 \\u0001 \\u007f tab\\t nl\\n quote\\\" back\\\\ slash/ <>&\"}");
    }

    @Test
    void separatesLikePython() throws Exception {
        assertThat(rewrite("{\"a\":[1,2,{}],\"b\":{\"c\":null,\"d\":true,\"e\":[]}}"))
                .isEqualTo("{\"a\": [1, 2, {}], \"b\": {\"c\": null, \"d\": true, \"e\": []}}");
    }

    @ParameterizedTest
    @CsvSource({"1e-05, 1e-05", "0.0001, 0.0001", "1e16, 1e+16", "1e15, 1000000000000000.0", "5.0, 5.0",
        "0.1, 0.1", "-2.5, -2.5", "123.456, 123.456", "0.731802, 0.731802", "1.5e-7, 1.5e-07",
        "12345678901234567890.5, 1.2345678901234567e+19", "1E2, 100.0", "0.00012, 0.00012",
        "3.0000000000000004, 3.0000000000000004", "0.0, 0.0", "-0.5e-10, -5e-11"})
    void writesFloatsAsPythonRepr(String in, String out) throws Exception {
        assertThat(rewrite("[" + in + "]")).isEqualTo("[" + out + "]");
    }

    @Test
    void writesIntegersExactly() throws Exception {
        assertThat(rewrite("[0, -7, 9007199254740993, 123456789012345678901234567890]"))
                .isEqualTo("[0, -7, 9007199254740993, 123456789012345678901234567890]");
    }
}
