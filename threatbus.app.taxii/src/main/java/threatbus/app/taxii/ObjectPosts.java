// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.Bus;
import threatbus.api.BusOverloadedException;
import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.message.StixObject;

/**
 * {@code POST objects} (TAXII 2.1, 5.5): publishes the posted objects that belong in the collection onto the
 * bus and keeps a status resource listing each one's fate; the latest {@value #STATUSES_KEPT} are kept.
 */
final class ObjectPosts {

    static final int MAX_CONTENT_LENGTH = 10 * 1024 * 1024;
    private static final int STATUSES_KEPT = 1_000;

    private final Bus bus;
    private final Clock clock;
    private final Map<String, ObjectNode> statuses = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > STATUSES_KEPT;
        }
    });

    ObjectPosts(Bus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    Optional<ObjectNode> status(String id) {
        return Optional.ofNullable(statuses.get(id));
    }

    TaxiiResponse post(TaxiiRequest request, TaxiiCollection collection) {
        if (!MediaTypes.isTaxii(request.contentType())) {
            return TaxiiResponse.error(415, "post " + MediaTypes.TAXII);
        }
        if (request.body().length > MAX_CONTENT_LENGTH) {
            return TaxiiResponse.error(413, "larger than max_content_length " + MAX_CONTENT_LENGTH);
        }
        JsonNode envelope = envelope(request.body());
        String statusId = UUID.randomUUID().toString();
        ObjectNode status = TaxiiResponse.JSON.createObjectNode().put("id", statusId).put("status", "complete")
                .put("request_timestamp", TaxiiTime.format(clock.instant()));
        ArrayNode successes = TaxiiResponse.JSON.createArrayNode();
        ArrayNode failures = TaxiiResponse.JSON.createArrayNode();
        for (JsonNode node : envelope.get("objects")) {
            String id = node.path("id").asText("");
            try {
                Message message = MessageCodec.fromTree(node);
                if (!collection.type.isInstance(message)) {
                    failures.addObject().put("id", id).put("message", "a " + message.typeName()
                            + " does not belong in " + collection.alias);
                    continue;
                }
                bus.publish(message);
                successes.addObject().put("id", id).put("version",
                        TaxiiTime.format(((StixObject) message).modified()));
            } catch (MessageFormatException e) {
                failures.addObject().put("id", id).put("message", e.getMessage());
            } catch (BusOverloadedException e) {
                failures.addObject().put("id", id).put("message", "the bus is full; post it again later");
            }
        }
        status.put("total_count", successes.size() + failures.size()).put("success_count", successes.size())
                .put("failure_count", failures.size()).put("pending_count", 0);
        status.set("successes", successes);
        status.set("failures", failures);
        statuses.put(statusId, status);
        return TaxiiResponse.of(202, status, Map.of());
    }

    private static JsonNode envelope(byte[] body) {
        JsonNode envelope;
        try {
            envelope = TaxiiResponse.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("not a JSON envelope: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("not a JSON envelope");
        }
        if (envelope == null || !envelope.path("objects").isArray()) {
            throw new BadRequest("expected an envelope with an objects array");
        }
        return envelope;
    }
}
