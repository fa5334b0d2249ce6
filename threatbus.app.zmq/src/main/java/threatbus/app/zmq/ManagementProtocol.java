// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import threatbus.api.Bus;
import threatbus.api.Subscription;
import threatbus.api.routing.P2pTopics;

/**
 * The management requests of the original zmq app (spec §3.3), request bytes in, reply bytes out, with the
 * original's exact replies: {@code success}, {@code error}, {@code unknown request}. Interpreted as the
 * original did: {@code snapshot} is converted like Python's {@code int()} for every action (so
 * {@code "FOO"} is an error even on a heartbeat), an action counts only with a truthy {@code topic}.
 */
final class ManagementProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementProtocol.class);

    static final byte[] SUCCESS = ascii("{\"status\": \"success\"}");
    static final byte[] ERROR = ascii("{\"status\": \"error\"}");
    static final byte[] UNKNOWN = ascii("{\"status\": \"unknown request\"}");

    /** The largest timedelta Python accepts, in days; more was an error in the original too. */
    private static final long MAX_DAYS = 999_999_999L;

    /** Parses like Python's json.loads: NaN and Infinity allowed, later duplicate keys win. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final ZmqSettings settings;
    private final Bus bus;
    private final Clients clients;
    private final FrameSink sink;
    /** The original's zmq p2p topics are 32 letters long. */
    static final int P2P_LENGTH = 32;


    ManagementProtocol(ZmqSettings settings, Bus bus, Clients clients, FrameSink sink) {
        this.settings = settings;
        this.bus = bus;
        this.clients = clients;
        this.sink = sink;
    }

    /** Answers one request. Never throws: anything unexpected is an {@code error} reply, as in the original. */
    byte[] handle(byte[] request) {
        try {
            JsonNode root;
            try {
                root = JSON.readTree(request);
            } catch (IOException e) {
                return ERROR;
            }
            if (root == null || !root.isObject()) {
                return ERROR;
            }
            Long days = pythonInt(root.get("snapshot"));
            if (days == null) {
                return ERROR;
            }
            JsonNode action = root.get("action");
            JsonNode topic = root.get("topic");
            if (action == null || !action.isTextual() || !truthy(topic)) {
                return UNKNOWN;
            }
            return switch (action.textValue()) {
                case "subscribe" -> subscribe(topic, days);
                case "unsubscribe" -> unsubscribe(topic);
                case "heartbeat" -> heartbeat(topic);
                default -> UNKNOWN;
            };
        } catch (RuntimeException e) {
            LOG.warn("Management request failed", e);
            return ERROR;
        }
    }

    private byte[] subscribe(JsonNode topic, long days) {
        List<String> topics = new ArrayList<>();
        if (topic.isTextual()) {
            topics.add(topic.textValue());
        } else if (topic.isArray()) {
            for (JsonNode element : topic) {
                if (!element.isTextual()) {
                    return ERROR;
                }
                topics.add(element.textValue());
            }
        } else {
            return ERROR;
        }
        if (days < 0 || days > MAX_DAYS) {
            return ERROR;
        }
        String p2p = newP2p();
        Client client = new Client(p2p, topics, sink);
        clients.add(client);
        try {
            Subscription subscription = bus.subscribe(topics, Duration.ofDays(days), client);
            client.subscription(subscription);
        } catch (RuntimeException e) {
            clients.remove(p2p);
            LOG.warn("Subscription of an app to {} failed: {}", topics, e.getMessage());
            return ERROR;
        }
        LOG.info("App subscribed to {} (snapshot {} days) as {}", topics, days, p2p);
        return ascii(subscribeReply(p2p));
    }

    private String subscribeReply(String p2p) {
        StringBuilder reply = new StringBuilder("{\"topic\": \"").append(p2p).append('"');
        if (!settings.advertisedHost().isEmpty()) {
            // the reply of clients written before 2021.07: they connect to these instead of using the ports
            reply.append(", \"pub_endpoint\": \"").append(settings.advertisedHost()).append(':')
                    .append(settings.pubPort()).append('"')
                    .append(", \"sub_endpoint\": \"").append(settings.advertisedHost()).append(':')
                    .append(settings.subPort()).append('"');
        }
        return reply.append(", \"pub_port\": ").append(settings.pubPort())
                .append(", \"sub_port\": ").append(settings.subPort())
                .append(", \"status\": \"success\"}").toString();
    }

    private byte[] unsubscribe(JsonNode topic) {
        if (topic.isTextual() && clients.remove(topic.textValue())) {
            LOG.info("App unsubscribed {}", topic.textValue());
            return SUCCESS;
        }
        LOG.debug("Unsubscribe of an unknown p2p topic");
        return ERROR;
    }

    private byte[] heartbeat(JsonNode topic) {
        Client client = topic.isTextual() ? clients.get(topic.textValue()) : null;
        if (client == null) {
            return ERROR;
        }
        client.heartbeat();
        return SUCCESS;
    }

    private String newP2p() {
        String p2p;
        do {
            p2p = P2pTopics.randomLetters(P2P_LENGTH);
        } while (clients.contains(p2p));
        return p2p;
    }

    /** Python's truthiness of a JSON value. */
    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            return value.size() > 0;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isNumber() && value.decimalValue().signum() != 0;
    }

    /**
     * Python's {@code int()} of a JSON value, {@code snapshot} missing meaning 0; null where {@code int()}
     * raised (the original then replied {@code error}).
     */
    static Long pythonInt(JsonNode value) {
        if (value == null) {
            return 0L;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1L : 0L;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : null;
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            BigInteger truncated = BigDecimal.valueOf(d).toBigInteger();
            return truncated.bitLength() < 64 ? truncated.longValue() : null;
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            // int() accepts a sign, digits and single underscores between digits
            if (!text.matches("[+-]?\\d+(_\\d+)*")) {
                return null;
            }
            try {
                return Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
