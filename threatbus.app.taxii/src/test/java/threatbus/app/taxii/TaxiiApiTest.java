// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import threatbus.api.history.IntelHistory;
import threatbus.api.history.Versions;
import threatbus.api.message.Indicator;
import threatbus.api.message.Sighting;
import threatbus.api.message.StixObject;
import threatbus.testing.TestBus;

/** The TAXII 2.1 API answered directly: every endpoint, filter, page, permission and media type rule. */
class TaxiiApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String READER = basic("reader", "r-pass");
    private static final String WRITER = basic("writer", "w-pass");
    private static final String TAXII = MediaTypes.TAXII;

    private final History history = new History();
    private final TestBus bus = new TestBus();
    private final TaxiiApi api = new TaxiiApi("Threat Bus", Access.of(config()), history, bus, 3,
            Clock.fixed(T0, ZoneOffset.UTC));

    /** Entries in the order added; an object's entries are its versions, oldest first. */
    static final class History implements IntelHistory {
        final List<Entry> indicators = new ArrayList<>();
        final List<Entry> sightings = new ArrayList<>();

        @Override
        public List<Entry> added(Collection collection, Versions versions, Optional<Instant> addedAfter, int limit,
                Predicate<StixObject> filter) {
            return entries(collection).stream()
                    .filter(e -> addedAfter.map(e.dateAdded()::isAfter).orElse(true))
                    .filter(e -> {
                        List<Entry> all = versions(collection, e.object().id());
                        return versions.selects(all.get(all.size() - 1) == e, all.get(0) == e, e.object().modified());
                    })
                    .filter(e -> filter.test(e.object())).limit(limit).toList();
        }

        @Override
        public List<Entry> versions(Collection collection, String id) {
            return entries(collection).stream().filter(e -> e.object().id().equals(id)).toList();
        }

        private List<Entry> entries(Collection collection) {
            return collection == Collection.INDICATORS ? indicators : sightings;
        }
    }

    private void indicators(int count) {
        for (int i = 0; i < count; i++) {
            Instant modified = T0.plusSeconds(i);
            history.indicators.add(new IntelHistory.Entry(Indicator.builder()
                    .id(String.format("indicator--00000000-0000-4000-8000-%012d", i)).created(T0).modified(modified)
                    .validFrom(T0).pattern("[ipv4-addr:value = '10.0.0." + i + "']").build(),
                    T0.plusSeconds(100 + i)));
        }
    }

    private static TaxiiConfig config() {
        return new TaxiiConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TaxiiConfig.class;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 9466;
            }

            @Override
            public String title() {
                return "Threat Bus";
            }

            @Override
            public String[] users() {
                return new String[] {"reader:r-pass", "writer:w-pass"};
            }

            @Override
            public String[] indicators_read() {
                return new String[] {"reader", "writer"};
            }

            @Override
            public String[] indicators_write() {
                return new String[] {"writer"};
            }

            @Override
            public String[] sightings_read() {
                return new String[] {"writer"};
            }

            @Override
            public String[] sightings_write() {
                return new String[] {};
            }

            @Override
            public int page_size() {
                return 3;
            }
        };
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private TaxiiResponse get(String path, String authorization) {
        return get(path, Map.of(), authorization, TAXII);
    }

    private TaxiiResponse get(String path, Map<String, String> query, String authorization, String accept) {
        return api.handle(new TaxiiRequest("GET", path, query, accept, null, authorization, new byte[0],
                "http://127.0.0.1:9466/taxii2"));
    }

    private TaxiiResponse post(String path, String contentType, String body, String authorization) {
        return api.handle(new TaxiiRequest("POST", path, Map.of(), TAXII, contentType, authorization,
                body.getBytes(StandardCharsets.UTF_8), "http://127.0.0.1:9466/taxii2"));
    }

    private static JsonNode json(TaxiiResponse response) throws Exception {
        assertThat(response.headers()).containsEntry("Content-Type", TAXII);
        return JSON.readTree(response.body());
    }

    @Test
    void discoveryNamesTheApiRoot() throws Exception {
        TaxiiResponse response = get("/", READER);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("default").asText()).isEqualTo("http://127.0.0.1:9466/taxii2/threatbus/");
        assertThat(body.get("api_roots").get(0).asText()).isEqualTo("http://127.0.0.1:9466/taxii2/threatbus/");
        JsonNode root = json(get("/threatbus/", READER));
        assertThat(root.get("versions").get(0).asText()).isEqualTo(TAXII);
        assertThat(root.get("max_content_length").asInt()).isPositive();
    }

    @Test
    void missingOrWrongCredentialsAre401WithAChallenge() {
        for (String authorization : new String[] {null, basic("reader", "wrong"), basic("nobody", "r-pass"),
                "Basic !!!", "Bearer x"}) {
            TaxiiResponse response = get("/", authorization);
            assertThat(response.status()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"Threat Bus TAXII\"");
        }
    }

    @Test
    void anotherMediaTypeIs406AndAnUnversionedTaxiiOneIsServed() {
        assertThat(get("/", Map.of(), READER, "text/html").status()).isEqualTo(406);
        assertThat(get("/", Map.of(), READER, "application/taxii+json;version=2.0").status()).isEqualTo(406);
        assertThat(get("/", Map.of(), READER, "application/taxii+json").status()).isEqualTo(200);
        assertThat(get("/", Map.of(), READER, "application/taxii+json; version=2.1").status()).isEqualTo(200);
    }

    @Test
    void collectionsListOnlyWhatTheUserMayReadOrWrite() throws Exception {
        JsonNode reader = json(get("/threatbus/collections/", READER));
        assertThat(reader.get("collections")).hasSize(1);
        assertThat(reader.get("collections").get(0).get("alias").asText()).isEqualTo("indicators");
        assertThat(reader.get("collections").get(0).get("can_write").asBoolean()).isFalse();

        JsonNode writer = json(get("/threatbus/collections/", WRITER));
        assertThat(writer.get("collections")).hasSize(2);
        assertThat(writer.get("collections").get(0).get("can_write").asBoolean()).isTrue();
        assertThat(writer.get("collections").get(0).get("media_types").get(0).asText())
                .isEqualTo(MediaTypes.STIX);

        assertThat(get("/threatbus/collections/" + TaxiiCollection.INDICATORS.id + "/", READER).status())
                .isEqualTo(200);
        assertThat(get("/threatbus/collections/sightings/", READER).status()).as("not for the reader").isEqualTo(404);
        assertThat(get("/threatbus/collections/unknown/objects/", READER).status()).isEqualTo(404);
        assertThat(get("/other-root/", READER).status()).isEqualTo(404);
    }

    @Test
    void objectsArePagedWithNextAndTheDateAddedHeaders() throws Exception {
        indicators(7);

        TaxiiResponse first = get("/threatbus/collections/indicators/objects/", READER);
        JsonNode page = json(first);
        assertThat(page.get("more").asBoolean()).isTrue();
        assertThat(page.get("objects")).hasSize(3);
        assertThat(first.headers()).containsEntry("X-TAXII-Date-Added-First", "2026-11-01T00:01:40.000000Z")
                .containsEntry("X-TAXII-Date-Added-Last", "2026-11-01T00:01:42.000000Z");

        List<String> ids = new ArrayList<>();
        page.get("objects").forEach(o -> ids.add(o.get("id").asText()));
        while (page.get("more").asBoolean()) {
            page = json(get("/threatbus/collections/indicators/objects/", Map.of("next", page.get("next").asText()),
                    READER, TAXII));
            page.get("objects").forEach(o -> ids.add(o.get("id").asText()));
        }
        assertThat(ids).hasSize(7).doesNotHaveDuplicates();
        assertThat(page.has("next")).isFalse();

        JsonNode limited = json(get("/threatbus/collections/indicators/objects/", Map.of("limit", "2"), READER,
                TAXII));
        assertThat(limited.get("objects")).hasSize(2);
        assertThat(get("/threatbus/collections/indicators/objects/", Map.of("limit", "zero"), READER, TAXII)
                .status()).isEqualTo(400);
    }

    @Test
    void filtersSelectByAddedAfterIdTypeAndVersion() throws Exception {
        indicators(5);
        String third = "indicator--00000000-0000-4000-8000-000000000002";

        JsonNode after = json(get("/threatbus/collections/indicators/objects/", Map.of("added_after",
                "2026-11-01T00:01:42Z"), READER, TAXII));
        assertThat(after.get("objects")).extracting(o -> o.get("id").asText()).containsExactly(
                "indicator--00000000-0000-4000-8000-000000000003", "indicator--00000000-0000-4000-8000-000000000004");

        JsonNode byId = json(get("/threatbus/collections/indicators/objects/", Map.of("match[id]", third), READER,
                TAXII));
        assertThat(byId.get("objects")).hasSize(1);
        JsonNode byType = json(get("/threatbus/collections/indicators/objects/", Map.of("match[type]", "sighting"),
                READER, TAXII));
        assertThat(byType.has("objects")).isFalse();
        JsonNode byVersion = json(get("/threatbus/collections/indicators/objects/", Map.of("match[version]",
                "2026-11-01T00:00:02.000Z"), READER, TAXII));
        assertThat(byVersion.get("objects")).extracting(o -> o.get("id").asText()).containsExactly(third);
        assertThat(get("/threatbus/collections/indicators/objects/", Map.of("added_after", "yesterday"), READER,
                TAXII).status()).isEqualTo(400);
        JsonNode specVersion21 = json(get("/threatbus/collections/indicators/objects/", Map.of(
                "match[spec_version]", "2.0,2.1"), READER, TAXII));
        assertThat(specVersion21.get("objects")).hasSize(3);
        JsonNode specVersion20 = json(get("/threatbus/collections/indicators/objects/", Map.of(
                "match[spec_version]", "2.0"), READER, TAXII));
        assertThat(specVersion20.has("objects")).isFalse();

        JsonNode single = json(get("/threatbus/collections/indicators/objects/" + third + "/", READER));
        assertThat(single.get("objects").get(0).get("pattern").asText()).isEqualTo("[ipv4-addr:value = '10.0.0.2']");
        assertThat(get("/threatbus/collections/indicators/objects/indicator--nope/", READER).status())
                .isEqualTo(404);
        JsonNode versions = json(get("/threatbus/collections/indicators/objects/" + third + "/versions/", READER));
        assertThat(versions.get("versions")).extracting(JsonNode::asText)
                .containsExactly("2026-11-01T00:00:02.000000Z");
    }

    @Test
    void matchVersionSelectsTheLatestByDefaultOrTheFirstAllOrATimestampAndVersionsArePaged() throws Exception {
        indicators(2);
        String second = "indicator--00000000-0000-4000-8000-000000000001";
        for (int i = 1; i <= 2; i++) {
            history.indicators.add(new IntelHistory.Entry(Indicator.builder().id(second).created(T0)
                    .modified(T0.plusSeconds(10 * i)).validFrom(T0).pattern("[ipv4-addr:value = '10.0.1." + i + "']")
                    .build(), T0.plusSeconds(200 + i)));
        }
        String objects = "/threatbus/collections/indicators/objects/";

        assertThat(json(get(objects, READER)).get("objects")).extracting(o -> o.get("modified").asText())
                .containsExactly("2026-11-01T00:00:00.000Z", "2026-11-01T00:00:20.000Z");
        JsonNode all = json(get(objects, Map.of("match[version]", "all"), READER, TAXII));
        assertThat(all.get("objects")).extracting(o -> o.get("modified").asText()).containsExactly(
                "2026-11-01T00:00:00.000Z", "2026-11-01T00:00:01.000Z", "2026-11-01T00:00:10.000Z");
        assertThat(all.get("more").asBoolean()).isTrue();
        assertThat(json(get(objects + second + "/", Map.of("match[version]", "first"), READER, TAXII))
                .get("objects")).extracting(o -> o.get("modified").asText())
                .containsExactly("2026-11-01T00:00:01.000Z");
        assertThat(json(get(objects + second + "/", Map.of("match[version]", "first,2026-11-01T00:00:10Z"), READER,
                TAXII)).get("objects")).extracting(o -> o.get("modified").asText())
                .containsExactly("2026-11-01T00:00:01.000Z", "2026-11-01T00:00:10.000Z");

        TaxiiResponse versions = get(objects + second + "/versions/", READER);
        assertThat(json(versions).get("versions")).extracting(JsonNode::asText).containsExactly(
                "2026-11-01T00:00:01.000000Z", "2026-11-01T00:00:10.000000Z", "2026-11-01T00:00:20.000000Z");
        assertThat(versions.headers()).containsEntry("X-TAXII-Date-Added-First", "2026-11-01T00:01:41.000000Z")
                .containsEntry("X-TAXII-Date-Added-Last", "2026-11-01T00:03:22.000000Z");

        JsonNode firstTwo = json(get(objects + second + "/versions/", Map.of("limit", "2"), READER, TAXII));
        assertThat(firstTwo.get("versions")).hasSize(2);
        assertThat(firstTwo.get("more").asBoolean()).isTrue();
        JsonNode rest = json(get(objects + second + "/versions/", Map.of("next", firstTwo.get("next").asText()),
                READER, TAXII));
        assertThat(rest.get("versions")).extracting(JsonNode::asText).containsExactly("2026-11-01T00:00:20.000000Z");
        assertThat(rest.get("more").asBoolean()).isFalse();
        JsonNode noneAfter = json(get(objects + second + "/versions/", Map.of("added_after",
                "2026-11-01T00:03:22Z"), READER, TAXII));
        assertThat(noneAfter.has("versions")).isFalse();
    }

    @Test
    void theManifestListsIdDateAddedVersionAndMediaType() throws Exception {
        indicators(4);

        JsonNode manifest = json(get("/threatbus/collections/indicators/manifest/", READER));

        assertThat(manifest.get("more").asBoolean()).isTrue();
        JsonNode first = manifest.get("objects").get(0);
        assertThat(first.get("id").asText()).isEqualTo("indicator--00000000-0000-4000-8000-000000000000");
        assertThat(first.get("date_added").asText()).isEqualTo("2026-11-01T00:01:40.000000Z");
        assertThat(first.get("version").asText()).isEqualTo("2026-11-01T00:00:00.000000Z");
        assertThat(first.get("media_type").asText()).isEqualTo(MediaTypes.STIX);
    }

    @Test
    void postingPublishesWhatBelongsAndReportsEachObjectInAStatus() throws Exception {
        String indicator = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": "
                + "\"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\", \"created\": \"2026-11-01T00:00:00.000Z\", "
                + "\"modified\": \"2026-11-01T00:00:00.000Z\", \"pattern\": \"[ipv4-addr:value = '6.6.6.6']\", "
                + "\"pattern_type\": \"stix\", \"valid_from\": \"2026-11-01T00:00:00.000Z\"}";
        String sighting = "{\"type\": \"sighting\", \"spec_version\": \"2.1\", \"id\": "
                + "\"sighting--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a02\", \"created\": \"2026-11-01T00:00:00.000Z\", "
                + "\"modified\": \"2026-11-01T00:00:00.000Z\", "
                + "\"sighting_of_ref\": \"indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01\"}";
        String invalid = "{\"type\": \"indicator\", \"id\": \"indicator--bad\"}";
        String envelope = "{\"objects\": [" + indicator + ", " + sighting + ", " + invalid + "]}";
        String path = "/threatbus/collections/indicators/objects/";

        assertThat(post(path, "application/json", envelope, WRITER).status()).isEqualTo(415);
        assertThat(post(path, TAXII, envelope, READER).status()).isEqualTo(403);
        assertThat(post(path, TAXII, "{\"objects\": 3}", WRITER).status()).isEqualTo(400);

        TaxiiResponse response = post(path, TAXII, envelope, WRITER);

        assertThat(response.status()).isEqualTo(202);
        JsonNode status = json(response);
        assertThat(status.get("status").asText()).isEqualTo("complete");
        assertThat(status.get("total_count").asInt()).isEqualTo(3);
        assertThat(status.get("success_count").asInt()).isEqualTo(1);
        assertThat(status.get("failures")).extracting(f -> f.get("id").asText())
                .containsExactly("sighting--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a02", "indicator--bad");
        assertThat(bus.published).singleElement().isInstanceOf(Indicator.class);
        JsonNode again = json(get("/threatbus/status/" + status.get("id").asText() + "/", WRITER));
        assertThat(again).isEqualTo(status);
        assertThat(get("/threatbus/status/unknown/", WRITER).status()).isEqualTo(404);
    }

    @Test
    void sightingsAreServedToThoseWhoMayReadThem() throws Exception {
        history.sightings.add(new IntelHistory.Entry(Sighting.builder().created(T0)
                .sightingOfRef("indicator--6f1b5f2a-0c1e-4a7b-9b1e-2b7d6c3e9a01").build(), T0));

        JsonNode page = json(get("/threatbus/collections/sightings/objects/", WRITER));

        assertThat(page.get("objects").get(0).get("type").asText()).isEqualTo("sighting");
        Map<String, String> none = new HashMap<>();
        assertThat(get("/threatbus/collections/sightings/objects/", none, READER, TAXII).status()).isEqualTo(404);
    }
}
