// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The relay answers manage requests with the original's exact reply shapes. */
class RelayManagerTest {
    private final RelayRoutes routes = new RelayRoutes();
    private final RelayManager manager = new RelayManager(routes, 13371, 13372);

    private String subscribe(String topic) {
        String reply = manager.handle("{\"action\": \"subscribe\", \"topic\": " + topic + ", \"snapshot\": 0}");
        assertThat(reply).matches("\\{\"topic\": \"[a-z]{32}\", \"pub_port\": 13371, \"sub_port\": 13372, "
                + "\"status\": \"success\"\\}");
        return (String) ((Map<?, ?>) Json.parse(reply)).get("topic");
    }

    @Test
    void subscribeHeartbeatUnsubscribe() {
        String p2p = subscribe("\"stix2/indicator\"");
        assertThat(routes.contains(p2p)).isTrue();
        assertThat(manager.handle("{\"action\": \"heartbeat\", \"topic\": \"" + p2p + "\"}"))
                .isEqualTo("{\"status\": \"success\"}");
        assertThat(manager.handle("{\"action\": \"unsubscribe\", \"topic\": \"" + p2p + "\"}"))
                .isEqualTo("{\"status\": \"success\"}");
        assertThat(routes.routes()).isEmpty();
        assertThat(manager.handle("{\"action\": \"unsubscribe\", \"topic\": \"" + p2p + "\"}"))
                .isEqualTo("{\"status\": \"error\"}");
        assertThat(manager.handle("{\"action\": \"heartbeat\", \"topic\": \"" + p2p + "\"}"))
                .isEqualTo("{\"status\": \"error\"}");
    }

    @Test
    void severalTopicsShareOneP2pTopic() {
        String p2p = subscribe("[\"stix2/indicator\", \"stix2/sighting\"]");
        RelayRoutes.Route route = routes.routes()[0];
        assertThat(route.p2p()).isEqualTo(p2p);
        byte[] sighting = "stix2/sighting {}".getBytes();
        assertThat(route.matches(sighting, 14)).isTrue();
        byte[] other = "stix2/report {}".getBytes();
        assertThat(route.matches(other, 12)).isFalse();
    }

    @Test
    void prefixesMatchLongerTopicsOnly() {
        subscribe("\"stix2/\"");
        RelayRoutes.Route route = routes.routes()[0];
        assertThat(route.matches("stix2/indicator {}".getBytes(), 15)).isTrue();
        assertThat(route.matches("stix2 {}".getBytes(), 5)).isFalse();
    }

    @Test
    void oddRequests() {
        assertThat(manager.handle("{\"action\": \"FOO\", \"topic\": \"x\"}")).isEqualTo("{\"status\": \"unknown request\"}");
        assertThat(manager.handle("{\"action\": \"subscribe\"}")).isEqualTo("{\"status\": \"unknown request\"}");
        assertThat(manager.handle("{\"action\": \"subscribe\", \"topic\": \"\"}"))
                .isEqualTo("{\"status\": \"unknown request\"}");
        assertThat(manager.handle("not json")).isEqualTo("{\"status\": \"error\"}");
        assertThat(manager.handle("[1, 2]")).isEqualTo("{\"status\": \"error\"}");
        assertThat(manager.handle("{\"action\": \"heartbeat\", \"topic\": \"x\", \"snapshot\": \"FOO\"}"))
                .isEqualTo("{\"status\": \"error\"}");
        assertThat(routes.routes()).isEmpty();
        subscribe("\"stix2/indicator\"");
        assertThat(manager.handle("{\"action\": \"subscribe\", \"topic\": \"t\", \"snapshot\": \"30\"}"))
                .contains("\"status\": \"success\"");
    }

    @Test
    void jsonStringsAreWrittenLikePython() {
        assertThat(Json.quote("a\"b\\c\n\u00e9\u007f/")).isEqualTo("\"a\\\"b\\\\c\\n\\u00e9\\u007f/\"");
        assertThat(Json.parse(Json.quote("a\"b\\c\n\u00e9\u007f/"))).isEqualTo("a\"b\\c\n\u00e9\u007f/");
    }
}
