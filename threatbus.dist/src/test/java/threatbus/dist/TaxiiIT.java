// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import threatbus.api.message.Indicator;

/**
 * The TAXII app in the running bus, over real HTTP on the Felix Jetty the runtime carries: off until
 * configured, then discovery, paging through more indicators than one page, the error statuses, and a post
 * that reaches the bus and the store.
 */
public class TaxiiIT extends BusInFelix {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();

    private String base;

    private void startTaxii() throws Exception {
        StoreFixture.start(context, configurationAdmin, commands);
        int port = ZmqFixture.freePorts(1)[0];
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("port", port);
        properties.put("users", new String[] {"analyst:pw-analyst", "feeder:pw-feeder"});
        properties.put("indicators.read", new String[] {"analyst", "feeder"});
        properties.put("indicators.write", new String[] {"feeder"});
        properties.put("sightings.read", new String[] {"analyst"});
        properties.put("page.size", 100);
        configurationAdmin.getConfiguration("threatbus.app.taxii", "?").update(properties);
        base = "http://127.0.0.1:" + port + "/taxii2";
        Await.until("TAXII answers", () -> status(get("/", "analyst:pw-analyst", TAXII)) == 200);
    }

    private HttpResponse<String> get(String path, String credentials, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept);
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    @Test
    public void withoutConfigurationNothingListensForHttp() throws Exception {
        Await.until("bus up", () -> shell("threatbus:status").contains("inmem  active"));
        for (int port : new int[] {8080, 9466}) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1_000);
                throw new AssertionError("something listens on " + port);
            } catch (java.net.ConnectException expected) {
                // refused
            }
        }
    }

    @Test
    public void aClientDiscoversTheServerAndPagesThroughTheIndicators() throws Exception {
        startTaxii();
        Instant now = Instant.now();
        for (int i = 0; i < 250; i++) {
            bus.publish(Indicator.builder().created(now).validFrom(now).name("taxii-" + i)
                    .pattern("[ipv4-addr:value = '198.51.100." + i % 250 + "']").build());
        }
        Await.until("stored", () -> shell("threatbus:store")
                .contains("250 indicator versions stored"));

        JsonNode discovery = JSON.readTree(get("/", "analyst:pw-analyst", TAXII).body());
        String root = discovery.get("default").asText();
        assertEquals(base + "/threatbus/", root);
        JsonNode collections = JSON.readTree(get("/threatbus/collections/", "analyst:pw-analyst", TAXII).body());
        assertEquals(2, collections.get("collections").size());

        Set<String> names = new HashSet<>();
        String path = "/threatbus/collections/indicators/objects/";
        int pages = 0;
        while (path != null) {
            HttpResponse<String> page = get(path, "analyst:pw-analyst", TAXII);
            assertEquals(page.body(), 200, page.statusCode());
            assertEquals(TAXII, page.headers().firstValue("Content-Type").orElse(""));
            assertTrue(page.headers().firstValue("X-TAXII-Date-Added-First").isPresent());
            assertTrue(page.headers().firstValue("X-TAXII-Date-Added-Last").isPresent());
            JsonNode envelope = JSON.readTree(page.body());
            envelope.get("objects").forEach(o -> names.add(o.get("name").asText()));
            pages++;
            path = envelope.get("more").asBoolean() ? "/threatbus/collections/indicators/objects/?next="
                    + envelope.get("next").asText() : null;
        }
        assertEquals(3, pages);
        assertEquals(250, names.size());

        JsonNode manifest = JSON.readTree(get("/threatbus/collections/indicators/manifest/?limit=10",
                "analyst:pw-analyst", TAXII).body());
        assertEquals(10, manifest.get("objects").size());
        assertTrue(manifest.get("more").asBoolean());
    }

    @Test
    public void everyFilterWorksOverHttp() throws Exception {
        startTaxii();
        Instant now = Instant.now();
        Indicator first = Indicator.builder().created(now).validFrom(now).name("first")
                .pattern("[domain-name:value = 'first.example']").build();
        bus.publish(first);
        Await.until("first stored", () -> shell("threatbus:store")
                .contains("1 indicator versions stored"));
        JsonNode page = JSON.readTree(get("/threatbus/collections/indicators/objects/", "analyst:pw-analyst",
                TAXII).body());
        String firstAdded = get("/threatbus/collections/indicators/objects/", "analyst:pw-analyst", TAXII)
                .headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow();
        assertEquals(1, page.get("objects").size());
        Indicator second = Indicator.builder().created(now).modified(now.plusSeconds(1)).validFrom(now)
                .name("second").pattern("[domain-name:value = 'second.example']").build();
        bus.publish(second);
        Await.until("second stored", () -> shell("threatbus:store")
                .contains("2 indicator versions stored"));

        String objects = "/threatbus/collections/indicators/objects/";
        assertEquals(Set.of("second"), names(objects + "?added_after=" + firstAdded));
        assertEquals(Set.of("first"), names(objects + "?match%5Bid%5D=" + first.id()));
        assertEquals(Set.of("first", "second"), names(objects + "?match%5Btype%5D=indicator"));
        assertEquals(Set.of(), names(objects + "?match%5Btype%5D=sighting"));
        assertEquals(Set.of("second"), names(objects + "?match%5Bversion%5D=" + second.modified()));
        assertEquals(Set.of("first", "second"), names(objects + "?match%5Bversion%5D=all"));
        assertEquals(Set.of("first"), names(objects + first.id() + "/"));

        bus.publish(second.toBuilder().modified(now.plusSeconds(2)).name("second, revised").build());
        Await.until("the revision stored", () -> shell("threatbus:store")
                .contains("3 indicator versions stored"));
        assertEquals(Set.of("first", "second, revised"), names(objects));
        assertEquals(Set.of("first", "second", "second, revised"), names(objects + "?match%5Bversion%5D=all"));
        assertEquals(Set.of("second"), names(objects + second.id() + "/?match%5Bversion%5D=first"));
        JsonNode versions = JSON.readTree(get(objects + second.id() + "/versions/", "analyst:pw-analyst", TAXII)
                .body());
        // TAXII writes microseconds
        assertEquals(List.of(second.modified().truncatedTo(ChronoUnit.MICROS).toString(),
                now.plusSeconds(2).truncatedTo(ChronoUnit.MICROS).toString()), versionsOf(versions));
        JsonNode root = JSON.readTree(get("/threatbus/", "analyst:pw-analyst", TAXII).body());
        assertEquals(TAXII, root.get("versions").get(0).asText());
        assertEquals(400, status(get(objects + "?added_after=yesterday", "analyst:pw-analyst", TAXII)));
    }

    /** The versions a versions resource lists, as Instant.toString writes them. */
    private static List<String> versionsOf(JsonNode versions) {
        List<String> out = new ArrayList<>();
        versions.get("versions").forEach(v -> out.add(Instant.parse(v.asText()).toString()));
        return out;
    }

    /** The names of the indicators a GET returns. */
    private Set<String> names(String path) throws Exception {
        HttpResponse<String> response = get(path, "analyst:pw-analyst", TAXII);
        assertEquals(response.body(), 200, response.statusCode());
        Set<String> names = new HashSet<>();
        JsonNode objects = JSON.readTree(response.body()).get("objects");
        if (objects != null) {
            objects.forEach(o -> names.add(o.get("name").asText()));
        }
        return names;
    }

    @Test
    public void wrongRequestsGetTheirTaxiiStatus() throws Exception {
        startTaxii();
        assertEquals(401, status(get("/", null, TAXII)));
        assertTrue(get("/", null, TAXII).headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, status(get("/", "analyst:wrong", TAXII)));
        assertEquals(406, status(get("/", "analyst:pw-analyst", "text/html")));
        assertEquals(404, status(get("/threatbus/collections/unknown/objects/", "analyst:pw-analyst", TAXII)));
        assertEquals(404, status(get("/threatbus/collections/sightings/objects/", "feeder:pw-feeder", TAXII)));
        HttpResponse<String> wrongType = send(HttpRequest.newBuilder(URI.create(base
                + "/threatbus/collections/indicators/objects/")).header("Accept", TAXII)
                .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("feeder:pw-feeder".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\": []}")).build());
        assertEquals(415, status(wrongType));
    }

    @Test
    public void aPostedIndicatorReachesTheBusAndTheCollection() throws Exception {
        startTaxii();
        String indicator = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": "
                + "\"indicator--3f0c5d8e-2b7a-4c1e-9d6f-8a2b4c6e8f01\", \"created\": \"2026-11-01T00:00:00.000Z\", "
                + "\"modified\": \"2026-11-01T00:00:00.000Z\", \"pattern\": \"[domain-name:value = 'posted.example']\", "
                + "\"pattern_type\": \"stix\", \"valid_from\": \"2026-11-01T00:00:00.000Z\"}";
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base
                + "/threatbus/collections/indicators/objects/")).header("Accept", TAXII).header("Content-Type", TAXII)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "feeder:pw-feeder".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\": [" + indicator + "]}")).build());

        assertEquals(posted.body(), 202, posted.statusCode());
        JsonNode status = JSON.readTree(posted.body());
        assertEquals(1, status.get("success_count").asInt());
        Await.until("in the collection", () -> get("/threatbus/collections/indicators/objects/"
                + "indicator--3f0c5d8e-2b7a-4c1e-9d6f-8a2b4c6e8f01/", "analyst:pw-analyst", TAXII).statusCode() == 200);
        JsonNode again = JSON.readTree(get("/threatbus/status/" + status.get("id").asText() + "/", "feeder:pw-feeder",
                TAXII).body());
        assertEquals(status, again);
        assertFalse(shell("threatbus:store posted.example").contains("No indicator"));
    }
}
