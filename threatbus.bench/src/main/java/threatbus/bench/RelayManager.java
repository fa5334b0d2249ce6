// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.util.List;
import java.util.Map;

/**
 * Answers manage requests the way the original zmq app plugin does, with its exact reply shapes:
 * minimal (no snapshots, no heartbeat bookkeeping) but correct.
 */
final class RelayManager {
    static final String SUCCESS = "{\"status\": \"success\"}";
    static final String ERROR = "{\"status\": \"error\"}";
    static final String UNKNOWN = "{\"status\": \"unknown request\"}";

    private final RelayRoutes routes;
    private final int pubPort;
    private final int subPort;

    RelayManager(RelayRoutes routes, int pubPort, int subPort) {
        this.routes = routes;
        this.pubPort = pubPort;
        this.subPort = subPort;
    }

    String handle(String request) {
        Map<?, ?> m;
        try {
            if (!(Json.parse(request) instanceof Map<?, ?> map)) {
                return ERROR;
            }
            m = map;
        } catch (IllegalArgumentException e) {
            return ERROR;
        }
        // the original converts "snapshot" with int() for every action
        if (m.containsKey("snapshot") && !integral(m.get("snapshot"))) {
            return ERROR;
        }
        Object action = m.get("action");
        Object topic = m.get("topic");
        if (!truthy(topic)) {
            return UNKNOWN;
        }
        if ("subscribe".equals(action)) {
            List<String> topics = topics(topic);
            if (topics == null) {
                return ERROR;
            }
            return "{\"topic\": " + Json.quote(routes.add(topics)) + ", \"pub_port\": " + pubPort
                    + ", \"sub_port\": " + subPort + ", \"status\": \"success\"}";
        }
        if ("heartbeat".equals(action)) {
            return topic instanceof String p2p && routes.contains(p2p) ? SUCCESS : ERROR;
        }
        if ("unsubscribe".equals(action)) {
            return topic instanceof String p2p && routes.remove(p2p) ? SUCCESS : ERROR;
        }
        return UNKNOWN;
    }

    /** A string, or a list of strings (several topics share one p2p topic). */
    private static List<String> topics(Object topic) {
        if (topic instanceof String s) {
            return List.of(s);
        }
        if (topic instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        return null;
    }

    /** What Python's int() accepts here: numbers, booleans and numeric strings. */
    private static boolean integral(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return true;
        }
        return value instanceof String s && s.strip().matches("[+-]?[0-9](_?[0-9])*");
    }

    private static boolean truthy(Object value) {
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return false;
    }
}
