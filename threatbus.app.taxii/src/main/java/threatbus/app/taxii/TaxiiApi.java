// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.Bus;
import threatbus.api.BusOverloadedException;
import threatbus.api.history.IntelHistory;
import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.message.StixObject;

/**
 * The TAXII 2.1 API (OASIS TAXII 2.1, sections 4 and 5) over the store's history, free of any servlet API so
 * that it is tested directly: discovery, one API root, the {@code indicators} and {@code sightings}
 * collections with objects, single objects, versions and manifests, filters and pagination, and (for users
 * with write permission) posting objects onto the bus with a status resource.
 */
final class TaxiiApi {

    static final String TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
    static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";
    static final String API_ROOT = "threatbus";
    static final int MAX_CONTENT_LENGTH = 10 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int STATUSES_KEPT = 1_000;

    /** What the servlet read from an HTTP request. */
    record Request(String method, String path, Map<String, String> query, String accept, String contentType,
            String authorization, byte[] body, String baseUrl) {
    }

    /** What the servlet writes back. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private final String title;
    private final Access access;
    private final IntelHistory history;
    private final Bus bus;
    private final int pageSize;
    private final Clock clock;
    private final Map<String, ObjectNode> statuses = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > STATUSES_KEPT;
        }
    });

    TaxiiApi(String title, Access access, IntelHistory history, Bus bus, int pageSize, Clock clock) {
        this.title = title;
        this.access = access;
        this.history = history;
        this.bus = bus;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    Response handle(Request request) {
        Optional<String> user = access.authenticate(request.authorization());
        if (user.isEmpty()) {
            return error(401, "authentication required", Map.of("WWW-Authenticate",
                    "Basic realm=\"Threat Bus TAXII\""));
        }
        if (!acceptable(request.accept())) {
            return error(406, "this server answers " + TAXII_MEDIA_TYPE, Map.of());
        }
        List<String> path = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toList();
        try {
            return route(request, user.get(), path);
        } catch (BadRequest e) {
            return error(400, e.getMessage(), Map.of());
        }
    }

    private Response route(Request request, String user, List<String> path) {
        boolean get = request.method().equals("GET");
        if (path.isEmpty()) {
            return get ? ok(discovery(request.baseUrl())) : notAllowed();
        }
        if (!path.get(0).equals(API_ROOT)) {
            return error(404, "no API root " + path.get(0), Map.of());
        }
        if (path.size() == 1) {
            return get ? ok(apiRoot()) : notAllowed();
        }
        if (path.get(1).equals("status") && path.size() == 3) {
            ObjectNode status = statuses.get(path.get(2));
            return status == null ? error(404, "no status " + path.get(2), Map.of()) : get ? ok(status) : notAllowed();
        }
        if (!path.get(1).equals("collections")) {
            return error(404, "not a TAXII endpoint", Map.of());
        }
        if (path.size() == 2) {
            return get ? ok(collections(user)) : notAllowed();
        }
        Optional<TaxiiCollection> found = TaxiiCollection.byIdOrAlias(path.get(2));
        if (found.isEmpty()) {
            return error(404, "no collection " + path.get(2), Map.of());
        }
        TaxiiCollection collection = found.get();
        boolean canRead = access.canRead(user, collection);
        boolean canWrite = access.canWrite(user, collection);
        if (!canRead && !canWrite) {
            // as if it did not exist: a user learns nothing about collections not for them
            return error(404, "no collection " + path.get(2), Map.of());
        }
        if (path.size() == 3) {
            return get ? ok(collection(collection, canRead, canWrite)) : notAllowed();
        }
        String resource = path.get(3);
        if (resource.equals("objects") && path.size() == 4 && request.method().equals("POST")) {
            return canWrite ? post(request, collection) : error(403, "no write permission on " + collection.alias,
                    Map.of());
        }
        if (!get) {
            return notAllowed();
        }
        if (!canRead) {
            return error(403, "no read permission on " + collection.alias, Map.of());
        }
        if (resource.equals("objects") && path.size() == 4) {
            return objects(request.query(), collection, Optional.empty());
        }
        if (resource.equals("objects") && path.size() == 5) {
            return objects(request.query(), collection, Optional.of(path.get(4)));
        }
        if (resource.equals("objects") && path.size() == 6 && path.get(5).equals("versions")) {
            return versions(collection, path.get(4));
        }
        if (resource.equals("manifest") && path.size() == 4) {
            return manifest(request.query(), collection);
        }
        return error(404, "not a TAXII endpoint", Map.of());
    }

    private ObjectNode discovery(String baseUrl) {
        ObjectNode out = JSON.createObjectNode().put("title", title)
                .put("description", "Threat Bus: the indicators and sightings the bus carried")
                .put("default", baseUrl + "/" + API_ROOT + "/");
        out.putArray("api_roots").add(baseUrl + "/" + API_ROOT + "/");
        return out;
    }

    private ObjectNode apiRoot() {
        ObjectNode out = JSON.createObjectNode().put("title", title);
        out.putArray("versions").add(TAXII_MEDIA_TYPE);
        out.put("max_content_length", MAX_CONTENT_LENGTH);
        return out;
    }

    private ObjectNode collections(String user) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("collections");
        for (TaxiiCollection collection : TaxiiCollection.values()) {
            boolean canRead = access.canRead(user, collection);
            boolean canWrite = access.canWrite(user, collection);
            if (canRead || canWrite) {
                list.add(collection(collection, canRead, canWrite));
            }
        }
        return out;
    }

    private ObjectNode collection(TaxiiCollection collection, boolean canRead, boolean canWrite) {
        ObjectNode out = JSON.createObjectNode().put("id", collection.id).put("title", collection.title)
                .put("description", collection.description).put("alias", collection.alias)
                .put("can_read", canRead).put("can_write", canWrite);
        out.putArray("media_types").add(STIX_MEDIA_TYPE);
        return out;
    }

    /** A page of objects, or of the versions of one object, as an envelope. */
    private Response objects(Map<String, String> query, TaxiiCollection collection, Optional<String> objectId) {
        Page page = page(query, collection, objectId);
        if (objectId.isPresent() && page.entries.isEmpty()) {
            return error(404, "no object " + objectId.get() + " in " + collection.alias, Map.of());
        }
        ObjectNode envelope = JSON.createObjectNode().put("more", page.more);
        if (page.more) {
            envelope.put("next", page.next());
        }
        if (!page.entries.isEmpty()) {
            ArrayNode objects = envelope.putArray("objects");
            page.entries.forEach(entry -> objects.add(tree(entry.object())));
        }
        return ok(envelope, page.headers());
    }

    private Response versions(TaxiiCollection collection, String objectId) {
        List<IntelHistory.Entry> entries = history.added(collection.history, Optional.empty(), Integer.MAX_VALUE,
                object -> object.id().equals(objectId));
        if (entries.isEmpty()) {
            return error(404, "no object " + objectId + " in " + collection.alias, Map.of());
        }
        ObjectNode out = JSON.createObjectNode().put("more", false);
        ArrayNode versions = out.putArray("versions");
        entries.forEach(entry -> versions.add(TIMESTAMP.format(entry.object().modified())));
        return ok(out, Map.of());
    }

    private Response manifest(Map<String, String> query, TaxiiCollection collection) {
        Page page = page(query, collection, Optional.empty());
        ObjectNode out = JSON.createObjectNode().put("more", page.more);
        if (page.more) {
            out.put("next", page.next());
        }
        if (!page.entries.isEmpty()) {
            ArrayNode objects = out.putArray("objects");
            for (IntelHistory.Entry entry : page.entries) {
                objects.addObject().put("id", entry.object().id())
                        .put("date_added", TIMESTAMP.format(entry.dateAdded()))
                        .put("version", TIMESTAMP.format(entry.object().modified()))
                        .put("media_type", STIX_MEDIA_TYPE);
            }
        }
        return ok(out, page.headers());
    }

    private record Page(List<IntelHistory.Entry> entries, boolean more) {

        String next() {
            return TIMESTAMP.format(entries.get(entries.size() - 1).dateAdded());
        }

        Map<String, String> headers() {
            if (entries.isEmpty()) {
                return Map.of();
            }
            return Map.of("X-TAXII-Date-Added-First", TIMESTAMP.format(entries.get(0).dateAdded()),
                    "X-TAXII-Date-Added-Last", TIMESTAMP.format(entries.get(entries.size() - 1).dateAdded()));
        }
    }

    /**
     * Reads {@code added_after}, {@code next} (this server's token: the date_added of the last object of the
     * page before), {@code limit} and the {@code match[...]} filters, and fetches one page plus one entry, to
     * know whether there is more.
     */
    private Page page(Map<String, String> query, TaxiiCollection collection, Optional<String> objectId) {
        Optional<Instant> after = Optional.ofNullable(query.get("next")).or(() -> Optional.ofNullable(
                query.get("added_after"))).map(TaxiiApi::timestamp);
        int limit = pageSize;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.parseInt(query.get("limit"));
            } catch (NumberFormatException e) {
                throw new BadRequest("limit must be a positive integer, got " + query.get("limit"));
            }
            if (limit < 1) {
                throw new BadRequest("limit must be a positive integer, got " + limit);
            }
            limit = Math.min(limit, pageSize);
        }
        Predicate<StixObject> filter = filter(query, objectId);
        List<IntelHistory.Entry> entries = history.added(collection.history, after, limit + 1, filter);
        boolean more = entries.size() > limit;
        return new Page(more ? entries.subList(0, limit) : entries, more);
    }

    private static Predicate<StixObject> filter(Map<String, String> query, Optional<String> objectId) {
        Predicate<StixObject> filter = object -> true;
        Set<String> ids = list(query.get("match[id]"));
        if (objectId.isPresent()) {
            ids = Set.of(objectId.get());
        }
        if (!ids.isEmpty()) {
            Set<String> wanted = ids;
            filter = filter.and(object -> wanted.contains(object.id()));
        }
        Set<String> types = list(query.get("match[type]"));
        if (!types.isEmpty()) {
            filter = filter.and(object -> types.contains(object.typeName()));
        }
        Set<String> versions = list(query.get("match[version]"));
        // the store keeps the current version only: it is the last, the first it has, and all of them
        if (!versions.isEmpty() && versions.stream().noneMatch(v -> Set.of("last", "first", "all").contains(v))) {
            Set<Instant> wanted = versions.stream().map(TaxiiApi::timestamp).collect(Collectors.toSet());
            filter = filter.and(object -> wanted.contains(object.modified()));
        }
        return filter;
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static Instant timestamp(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("not a timestamp: " + value + " (e.g. 2026-11-29T10:00:00.000000Z)");
        }
    }

    /** Publishes the posted objects that belong in the collection; the status lists each one's fate. */
    private Response post(Request request, TaxiiCollection collection) {
        if (!isTaxiiJson(request.contentType())) {
            return error(415, "post " + TAXII_MEDIA_TYPE, Map.of());
        }
        if (request.body().length > MAX_CONTENT_LENGTH) {
            return error(413, "larger than max_content_length " + MAX_CONTENT_LENGTH, Map.of());
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(request.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("not a JSON envelope: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("not a JSON envelope");
        }
        if (envelope == null || !envelope.path("objects").isArray()) {
            throw new BadRequest("expected an envelope with an objects array");
        }
        String statusId = UUID.randomUUID().toString();
        ObjectNode status = JSON.createObjectNode().put("id", statusId).put("status", "complete")
                .put("request_timestamp", TIMESTAMP.format(clock.instant()));
        ArrayNode successes = JSON.createArrayNode();
        ArrayNode failures = JSON.createArrayNode();
        for (JsonNode node : envelope.get("objects")) {
            String id = node.path("id").asText("");
            try {
                Message message = MessageCodec.fromTree(node);
                if (!collection.type.isInstance(message)) {
                    failures.addObject().put("id", id).put("message", "a " + message.typeName() + " does not belong in "
                            + collection.alias);
                    continue;
                }
                bus.publish(message);
                successes.addObject().put("id", id).put("version",
                        TIMESTAMP.format(((StixObject) message).modified()));
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
        return respond(202, status, Map.of());
    }

    private static boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";q=")[0].trim();
            if (type.equals("*/*") || type.equals("application/*") || isTaxiiJson(type)) {
                return true;
            }
        }
        return false;
    }

    /** {@code application/taxii+json}, unversioned or of version 2.1, spaces and case aside. */
    private static boolean isTaxiiJson(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String compact = mediaType.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return compact.equals("application/taxii+json") || compact.equals(TAXII_MEDIA_TYPE);
    }

    private static JsonNode tree(StixObject object) {
        try {
            return JSON.readTree(object.json().toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the bus's own JSON did not parse", e);
        }
    }

    private static Response ok(JsonNode body) {
        return respond(200, body, Map.of());
    }

    private static Response ok(JsonNode body, Map<String, String> headers) {
        return respond(200, body, headers);
    }

    private static Response notAllowed() {
        return error(405, "method not allowed here", Map.of());
    }

    private static Response error(int status, String title, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode().put("title", title).put("http_status", String.valueOf(status));
        return respond(status, body, headers);
    }

    private static Response respond(int status, JsonNode body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", TAXII_MEDIA_TYPE);
        try {
            return new Response(status, all, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            return new Response(500, all, ("{\"title\": \"" + e + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request the client must fix; answered with 400 and this message. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
