// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.Bus;
import threatbus.api.history.IntelHistory;
import threatbus.api.message.StixObject;

/**
 * The TAXII 2.1 API (OASIS TAXII 2.1, sections 4 and 5) over the store's history, free of any servlet API so
 * that it is tested directly: authentication and routing, discovery, one API root, the {@code indicators} and
 * {@code sightings} collections with objects, single objects, versions and manifests ({@link ObjectQuery}
 * reads their filters and pages), and, for users with write permission, {@link ObjectPosts}.
 */
final class TaxiiApi {

    static final String API_ROOT = "threatbus";

    private final String title;
    private final Access access;
    private final IntelHistory history;
    private final int pageSize;
    private final ObjectPosts posts;

    TaxiiApi(String title, Access access, IntelHistory history, Bus bus, int pageSize, Clock clock) {
        this.title = title;
        this.access = access;
        this.history = history;
        this.pageSize = pageSize;
        this.posts = new ObjectPosts(bus, clock);
    }

    TaxiiResponse handle(TaxiiRequest request) {
        Optional<String> user = access.authenticate(request.authorization());
        if (user.isEmpty()) {
            return TaxiiResponse.error(401, "authentication required",
                    Map.of("WWW-Authenticate", "Basic realm=\"Threat Bus TAXII\""));
        }
        if (!MediaTypes.acceptsTaxii(request.accept())) {
            return TaxiiResponse.error(406, "this server answers " + MediaTypes.TAXII);
        }
        List<String> path = Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toList();
        try {
            return route(request, user.get(), path);
        } catch (BadRequest e) {
            return TaxiiResponse.error(400, e.getMessage());
        }
    }

    private TaxiiResponse route(TaxiiRequest request, String user, List<String> path) {
        if (path.isEmpty()) {
            return request.isGet() ? TaxiiResponse.ok(discovery(request.baseUrl())) : TaxiiResponse.notAllowed();
        }
        if (!path.get(0).equals(API_ROOT)) {
            return TaxiiResponse.error(404, "no API root " + path.get(0));
        }
        if (path.size() == 1) {
            return request.isGet() ? TaxiiResponse.ok(apiRoot()) : TaxiiResponse.notAllowed();
        }
        if (path.get(1).equals("status") && path.size() == 3) {
            return status(request, path.get(2));
        }
        if (!path.get(1).equals("collections")) {
            return TaxiiResponse.error(404, "not a TAXII endpoint");
        }
        if (path.size() == 2) {
            return request.isGet() ? TaxiiResponse.ok(collections(user)) : TaxiiResponse.notAllowed();
        }
        Optional<TaxiiCollection> found = TaxiiCollection.byIdOrAlias(path.get(2));
        if (found.isEmpty()) {
            return TaxiiResponse.error(404, "no collection " + path.get(2));
        }
        return routeInCollection(request, user, found.get(), path.subList(3, path.size()));
    }

    /** {@code resource} is the path below the collection. */
    private TaxiiResponse routeInCollection(TaxiiRequest request, String user, TaxiiCollection collection,
            List<String> resource) {
        boolean canRead = access.canRead(user, collection);
        boolean canWrite = access.canWrite(user, collection);
        if (!canRead && !canWrite) {
            // as if it did not exist: a user learns nothing about collections not for them
            return TaxiiResponse.error(404, "no collection " + collection.alias);
        }
        if (resource.isEmpty()) {
            return request.isGet() ? TaxiiResponse.ok(collection(collection, canRead, canWrite))
                    : TaxiiResponse.notAllowed();
        }
        boolean objects = resource.get(0).equals("objects");
        if (objects && resource.size() == 1 && request.method().equals("POST")) {
            return canWrite ? posts.post(request, collection)
                    : TaxiiResponse.error(403, "no write permission on " + collection.alias);
        }
        if (!request.isGet()) {
            return TaxiiResponse.notAllowed();
        }
        if (!canRead) {
            return TaxiiResponse.error(403, "no read permission on " + collection.alias);
        }
        if (objects && resource.size() <= 2) {
            return objects(request.query(), collection, resource.stream().skip(1).findFirst());
        }
        if (objects && resource.size() == 3 && resource.get(2).equals("versions")) {
            return versions(request.query(), collection, resource.get(1));
        }
        if (resource.get(0).equals("manifest") && resource.size() == 1) {
            return manifest(request.query(), collection);
        }
        return TaxiiResponse.error(404, "not a TAXII endpoint");
    }

    private TaxiiResponse status(TaxiiRequest request, String id) {
        Optional<ObjectNode> status = posts.status(id);
        if (status.isEmpty()) {
            return TaxiiResponse.error(404, "no status " + id);
        }
        return request.isGet() ? TaxiiResponse.ok(status.get()) : TaxiiResponse.notAllowed();
    }

    private ObjectNode discovery(String baseUrl) {
        ObjectNode out = TaxiiResponse.JSON.createObjectNode().put("title", title)
                .put("description", "Threat Bus: the indicators and sightings the bus carried")
                .put("default", baseUrl + "/" + API_ROOT + "/");
        out.putArray("api_roots").add(baseUrl + "/" + API_ROOT + "/");
        return out;
    }

    private ObjectNode apiRoot() {
        ObjectNode out = TaxiiResponse.JSON.createObjectNode().put("title", title);
        out.putArray("versions").add(MediaTypes.TAXII);
        out.put("max_content_length", ObjectPosts.MAX_CONTENT_LENGTH);
        return out;
    }

    private ObjectNode collections(String user) {
        ObjectNode out = TaxiiResponse.JSON.createObjectNode();
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

    private static ObjectNode collection(TaxiiCollection collection, boolean canRead, boolean canWrite) {
        ObjectNode out = TaxiiResponse.JSON.createObjectNode().put("id", collection.id).put("title", collection.title)
                .put("description", collection.description).put("alias", collection.alias)
                .put("can_read", canRead).put("can_write", canWrite);
        out.putArray("media_types").add(MediaTypes.STIX);
        return out;
    }

    /** A page of objects as an envelope; of one object's versions if {@code objectId} is given. */
    private TaxiiResponse objects(Map<String, String> query, TaxiiCollection collection, Optional<String> objectId) {
        ObjectPage page = ObjectQuery.of(query, objectId, pageSize).fetch(history, collection.history);
        if (objectId.isPresent() && page.entries().isEmpty()) {
            return TaxiiResponse.error(404, "no object " + objectId.get() + " in " + collection.alias);
        }
        ObjectNode envelope = TaxiiResponse.JSON.createObjectNode();
        page.writePaging(envelope);
        if (!page.entries().isEmpty()) {
            ArrayNode objects = envelope.putArray("objects");
            page.entries().forEach(entry -> objects.add(tree(entry.object())));
        }
        return TaxiiResponse.ok(envelope, page.headers());
    }

    private TaxiiResponse versions(Map<String, String> query, TaxiiCollection collection, String objectId) {
        List<IntelHistory.Entry> all = history.versions(collection.history, objectId);
        if (all.isEmpty()) {
            return TaxiiResponse.error(404, "no object " + objectId + " in " + collection.alias);
        }
        ObjectPage page = ObjectQuery.of(query, Optional.of(objectId), pageSize).page(all);
        ObjectNode out = TaxiiResponse.JSON.createObjectNode();
        page.writePaging(out);
        if (!page.entries().isEmpty()) {
            ArrayNode versions = out.putArray("versions");
            page.entries().forEach(entry -> versions.add(TaxiiTime.format(entry.object().modified())));
        }
        return TaxiiResponse.ok(out, page.headers());
    }

    private TaxiiResponse manifest(Map<String, String> query, TaxiiCollection collection) {
        ObjectPage page = ObjectQuery.of(query, Optional.empty(), pageSize).fetch(history, collection.history);
        ObjectNode out = TaxiiResponse.JSON.createObjectNode();
        page.writePaging(out);
        if (!page.entries().isEmpty()) {
            ArrayNode objects = out.putArray("objects");
            for (IntelHistory.Entry entry : page.entries()) {
                objects.addObject().put("id", entry.object().id())
                        .put("date_added", TaxiiTime.format(entry.dateAdded()))
                        .put("version", TaxiiTime.format(entry.object().modified()))
                        .put("media_type", MediaTypes.STIX);
            }
        }
        return TaxiiResponse.ok(out, page.headers());
    }

    private static JsonNode tree(StixObject object) {
        try {
            return TaxiiResponse.JSON.readTree(object.json().toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the bus's own JSON did not parse", e);
        }
    }
}
