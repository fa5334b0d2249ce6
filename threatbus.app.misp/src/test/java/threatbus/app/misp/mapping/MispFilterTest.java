// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The whitelist semantics of the original plugin (its 25-case matrix), configuration parsing and hard deletes. */
class MispFilterTest {

    /** The edit of ip-src 6.6.6.6 by creator org "1", tagged baz and foo. */
    private static final MispMessage MESSAGE = Fixtures.message("feed-edit-ip-src.json");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            [] ; true
            [{"orgs": ["1", "100"]}] ; true
            [{"tags": ["foo", "ASDF"]}] ; true
            [{"types": ["domain", "ip-src"]}] ; true
            [{"orgs": ["1"], "tags": ["foo"]}] ; true
            [{"orgs": ["1"], "types": ["ip-src"]}] ; true
            [{"tags": ["foo"], "types": ["ip-src"]}] ; true
            [{"orgs": ["1"], "tags": ["foo"], "types": ["ip-src"]}] ; true
            [{"orgs": ["1"]}, {"orgs": ["5"]}] ; true
            [{"orgs": ["1"]}, {"types": ["ASDF"]}] ; true
            [{"tags": ["foo"]}, {"types": ["ASDF"]}] ; true
            [{"tags": ["foo"]}, {"types": ["ip-src"]}] ; true
            [{"tags": ["baz"]}, {"org": ["1"]}] ; true
            [{"orgs": ["100"]}] ; false
            [{"tags": ["ASDF"]}] ; false
            [{"types": ["domain"]}] ; false
            [{"orgs": ["1"], "tags": ["ASDF"]}] ; false
            [{"types": ["ip-src"], "tags": ["ASDF"]}] ; false
            [{"orgs": ["1"], "types": ["domain"]}] ; false
            [{"tags": ["foo"], "types": ["domain"]}] ; false
            [{"types": ["src-ip"], "orgs": ["100"]}] ; false
            [{"tags": ["foo"], "orgs": ["100"]}] ; false
            [{"orgs": ["100"]}, {"orgs": ["5"]}] ; false
            [{"orgs": ["100"]}, {"types": ["ASDF"]}] ; false
            [{"tags": ["ASDF"]}, {"types": ["ASDF"]}] ; false
            """)
    void originalWhitelistMatrix(String filter, boolean expected) {
        assertThat(MispFilter.matches(MispFilter.parse(filter), MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "[]"})
    void noFilterLetsEverythingPass(String json) {
        assertThat(MispFilter.parse(json)).isEmpty();
        assertThat(MispFilter.matches(MispFilter.parse(json), MESSAGE)).isTrue();
    }

    @Test
    void orgsMatchAsStringOrInteger() {
        assertThat(MispFilter.parse("[{\"orgs\": [1]}]").get(0).orgs()).containsExactly("1");
        assertThat(MispFilter.matches(MispFilter.parse("[{\"orgs\": [1]}]"), MESSAGE)).isTrue();
        assertThat(MispFilter.matches(MispFilter.parse("[{\"orgs\": [\"01\"]}]"), MESSAGE)).isTrue();
        ObjectNode numericOrg = Fixtures.feed("add", "ip-src", "6.6.6.6", true);
        numericOrg.withObject("/Event").put("orgc_id", 25);
        MispMessage message = Fixtures.parse(numericOrg);
        assertThat(MispFilter.matches(MispFilter.parse("[{\"orgs\": [\"1\", 25]}]"), message)).isTrue();
        assertThat(MispFilter.matches(MispFilter.parse("[{\"orgs\": [\"25\"]}]"), message)).isTrue();
        assertThat(MispFilter.matches(MispFilter.parse("[{\"orgs\": [2]}]"), message)).isFalse();
    }

    @Test
    void parsesAllKeysAndIgnoresUnknownOnes() {
        List<MispFilter> filters = MispFilter.parse(
                "[{\"orgs\": [\"1\", 25], \"tags\": [\"TLP:RED\"], \"types\": [\"ip-src\"], \"colour\": 3}, {\"tags\": null}]");
        assertThat(filters).containsExactly(new MispFilter(Set.of("1", "25"), Set.of("ip-src"), Set.of("TLP:RED")),
                new MispFilter(Set.of(), Set.of(), Set.of()));
    }

    @Test
    void tagsAndTypesMatchExactly() {
        assertThat(MispFilter.matches(MispFilter.parse("[{\"tags\": [\"FOO\"]}]"), MESSAGE)).isFalse();
        assertThat(MispFilter.matches(MispFilter.parse("[{\"types\": [\"IP-SRC\"]}]"), MESSAGE)).isFalse();
    }

    @Test
    void messageWithoutEventMatchesNoOrgFilter() {
        ObjectNode node = Fixtures.feed("add", "ip-src", "6.6.6.6", true);
        node.remove("Event");
        MispMessage message = Fixtures.parse(node);
        assertThat(MispFilter.matches(MispFilter.parse("[{\"orgs\": [\"1\"]}]"), message)).isFalse();
        assertThat(MispFilter.matches(MispFilter.parse("[{\"types\": [\"ip-src\"]}]"), message)).isTrue();
    }

    /** A hard delete has no Event and no tags: only its type is checked. */
    @Test
    void hardDeleteIsCheckedByTypeOnly() {
        MispMessage delete = Fixtures.parse(Fixtures.hardDelete("ip-src", "6.6.6.6", "", true));
        assertThat(MispFilter.matches(MispFilter.parse("[{\"orgs\": [\"100\"], \"tags\": [\"ASDF\"]}]"), delete))
                .isTrue();
        assertThat(MispFilter.matches(MispFilter.parse("[{\"orgs\": [\"100\"], \"types\": [\"domain\"]}]"), delete))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            [{"orgs": ["1"]     ; not valid JSON
            {"orgs": ["1"]}     ; must be a JSON array
            "orgs"              ; must be a JSON array
            [["1"]]             ; filter[0] must be an object
            [{}, 3]             ; filter[1] must be an object
            [{"orgs": "1"}]     ; filter[0].orgs must be a JSON array
            [{"types": [1]}]    ; filter[0].types[0] must be a string, got 1
            [{"tags": [{}]}]    ; filter[0].tags[0] must be a string
            [{"orgs": [1.5]}]   ; filter[0].orgs[0] must be a string or an integer
            [{"orgs": [true]}]  ; filter[0].orgs[0] must be a string or an integer, got true
            """)
    void rejectsMalformedConfiguration(String json, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> MispFilter.parse(json)).withMessageContaining(problem);
    }
}
