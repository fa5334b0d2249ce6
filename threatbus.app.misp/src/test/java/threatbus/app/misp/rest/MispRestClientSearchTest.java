// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import threatbus.app.misp.rest.MispApiException.Kind;
import threatbus.app.misp.testmisp.FakeMisp;
import threatbus.app.misp.testmisp.FakeAttributes;

/** Paged {@code POST /attributes/restSearch}: timestamp window, filters, paging and where it stops. */
class MispRestClientSearchTest {

    private static final long BASE = 1_600_000_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeMisp misp;
    private MispRestClient client;

    @BeforeEach
    void start() throws IOException {
        misp = FakeMisp.http();
        client = new MispRestClient(MispRestClientSightingTest.settings(misp.uri(), FakeMisp.API_KEY));
    }

    @AfterEach
    void stop() {
        misp.close();
        assertThat(misp.violations()).as("requests the fake MISP rejected").isEmpty();
    }

    @Test
    void pagesThroughAllIdsAttributesSinceTheWindowStart() throws Exception {
        misp.attributes(FakeAttributes.generate(100, BASE));
        Instant since = Instant.ofEpochSecond(BASE + 60 * 40); // attributes 40..99 are in the window
        List<List<JsonNode>> pages = new ArrayList<>();

        client.searchAttributes(SearchQuery.unfiltered(since), 20, pages::add);

        List<String> expected = uuids(100, i -> i >= 40 && i % 5 != 4); // 48 IDS attributes: pages of 20, 20, 8
        assertThat(pages).extracting(List::size).containsExactly(20, 20, 8);
        assertThat(pages.stream().flatMap(List::stream).map(a -> a.path("uuid").asText()))
                .containsExactlyElementsOf(expected);
        assertThat(misp.searchBodies()).containsExactly(body(since, "", 1), body(since, "", 2), body(since, "", 3));
    }

    @Test
    void stopsOnAnEmptyPageAfterFullOnes() throws Exception {
        misp.attributes(FakeAttributes.generate(50, BASE)); // 40 IDS attributes
        List<Integer> sizes = new ArrayList<>();

        client.searchAttributes(SearchQuery.unfiltered(Instant.ofEpochSecond(BASE)), 10, page -> sizes.add(page.size()));

        assertThat(sizes).containsExactly(10, 10, 10, 10);
        assertThat(misp.searchBodies()).hasSize(5).last().extracting(b -> b.path("page").intValue()).isEqualTo(5);
    }

    @Test
    void onePagedSearchPerOrgAndTypeWithTagsAsAList() throws Exception {
        misp.attributes(FakeAttributes.generate(60, BASE));
        Instant since = Instant.ofEpochSecond(BASE);
        SearchQuery query = new SearchQuery(since, List.of("1", "PARTNER"), List.of("ip-src", "domain"),
                List.of("tlp:amber", "tlp:red"));
        List<String> found = new ArrayList<>();

        client.searchAttributes(query, 3, page -> page.forEach(a -> found.add(a.path("uuid").asText())));

        // IDS, tagged tlp:amber (tags match any listed); ip-src is i % 4 == 0 (so org "1"), domain i % 4 == 1
        // (so org "2", named PARTNER): the other two combinations find nothing
        IntPredicate amberIds = i -> i % 3 == 0 && i % 5 != 4;
        List<String> expected = new ArrayList<>(uuids(60, i -> amberIds.test(i) && i % 4 == 0));
        expected.addAll(uuids(60, i -> amberIds.test(i) && i % 4 == 1));
        assertThat(found).containsExactlyElementsOf(expected).isNotEmpty();
        String tags = ",\"tags\":[\"tlp:amber\",\"tlp:red\"]";
        assertThat(misp.searchBodies()).filteredOn(b -> b.path("page").intValue() == 1).containsExactly(
                body(since, ",\"org\":\"1\",\"type\":\"ip-src\"" + tags, 1, 3),
                body(since, ",\"org\":\"1\",\"type\":\"domain\"" + tags, 1, 3),
                body(since, ",\"org\":\"PARTNER\",\"type\":\"ip-src\"" + tags, 1, 3),
                body(since, ",\"org\":\"PARTNER\",\"type\":\"domain\"" + tags, 1, 3));
    }

    @Test
    void aFailingPageEndsTheSearchAfterTheEarlierPages() {
        misp.attributes(FakeAttributes.generate(100, BASE));
        List<Integer> sizes = new ArrayList<>();

        MispApiException e = catchThrowableOfType(MispApiException.class, () -> client.searchAttributes(
                SearchQuery.unfiltered(Instant.ofEpochSecond(BASE)), 20, page -> {
                    sizes.add(page.size());
                    misp.failNext(1, 500); // the next page
                }));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.status()).hasValue(500);
        assertThat(sizes).containsExactly(20);
    }

    @Test
    void mispErrorsArePermanent() {
        misp.replyNext(200, "{\"message\":\"Invalid filter.\"}");
        MispApiException message = searchFails(client);
        MispApiException auth = searchFails(new MispRestClient(
                MispRestClientSightingTest.settings(misp.uri(), "WrongKeyWrongKeyWrongKeyWrongKeyWrongKey")));

        assertThat(message.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(message.mispMessage()).isEqualTo("Invalid filter.");
        assertThat(auth.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(auth.status()).hasValue(403);
    }

    private static MispApiException searchFails(MispRestClient client) {
        return catchThrowableOfType(MispApiException.class, () -> client.searchAttributes(
                SearchQuery.unfiltered(Instant.ofEpochSecond(BASE)), 10, page -> { }));
    }

    private static List<String> uuids(int count, IntPredicate which) {
        return IntStream.range(0, count).filter(which).mapToObj(FakeAttributes::uuid).toList();
    }

    private static JsonNode body(Instant since, String filters, int page) throws IOException {
        return body(since, filters, page, 20);
    }

    private static JsonNode body(Instant since, String filters, int page, int limit) throws IOException {
        return MAPPER.readTree("{\"returnFormat\":\"json\",\"to_ids\":true,\"timestamp\":\"" + since.getEpochSecond()
                + "\"" + filters + ",\"page\":" + page + ",\"limit\":" + limit + "}");
    }
}
