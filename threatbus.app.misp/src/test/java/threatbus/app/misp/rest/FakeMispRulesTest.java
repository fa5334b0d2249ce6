// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import threatbus.app.misp.testmisp.FakeMispRules;

/** The fake MISP is only as good as its checks: they pass our bodies and catch what MISP's API does not define. */
class FakeMispRulesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String UUID = "5f7b2284-bdd8-4ef4-b457-032ac0a82f02";

    @Test
    void passesTheClientsBodies() {
        MispSighting sighting = new MispSighting(UUID, "zeek", Instant.ofEpochSecond(1_614_599_635L));

        assertThat(FakeMispRules.sighting(MispRequests.sighting(sighting))).isEmpty();
        assertThat(FakeMispRules.search(MispRequests.search(Instant.EPOCH, "1", "ip-src", List.of("tlp:red"), 1, 10)))
                .isEmpty();
    }

    @Test
    void catchesSightingMistakes() throws Exception {
        assertThat(FakeMispRules.sighting(json("{\"id\":\"" + UUID + "\",\"type\":\"0\",\"timestamp\":1614599635,"
                + "\"date_sighting\":\"1\"}")))
                .containsExactlyInAnyOrder("unknown field date_sighting", "missing field uuid",
                        "timestamp is not a string of digits: 1614599635");
        assertThat(FakeMispRules.sighting(json("{\"uuid\":\"12\",\"type\":0,\"timestamp\":\"1\"}")))
                .containsExactlyInAnyOrder("uuid is not a UUID string: \"12\"", "type is not a string: 0");
    }

    @Test
    void catchesSearchMistakes() throws Exception {
        assertThat(FakeMispRules.search(json("{\"returnFormat\":\"json\",\"to_ids\":1,\"from\":\"2021-01-01\","
                + "\"type\":[\"ip-src\"],\"tags\":{\"OR\":[\"a\"]},\"pageSize\":3}")))
                .containsExactlyInAnyOrder("unknown field pageSize", "missing field page", "missing field limit",
                        "to_ids is not a boolean: 1", "type is not a single string: [\"ip-src\"]",
                        "tags is not an array of strings: {\"OR\":[\"a\"]}");
    }

    private static JsonNode json(String s) throws Exception {
        return MAPPER.readTree(s);
    }
}
