// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import threatbus.app.misp.rest.MispApiException.Kind;
import threatbus.app.misp.testmisp.FakeMisp;

/** {@code POST /sightings/add} against the strict fake MISP: exact request, success and error shapes. */
class MispRestClientSightingTest {

    private static final Instant SEEN = Instant.ofEpochSecond(1_614_599_635L);

    private FakeMisp misp;
    private MispRestClient client;

    @BeforeEach
    void start() throws IOException {
        misp = FakeMisp.http();
        client = new MispRestClient(settings(misp.uri(), FakeMisp.API_KEY));
    }

    @AfterEach
    void stop() {
        misp.close();
        assertThat(misp.violations()).as("requests the fake MISP rejected").isEmpty();
    }

    static MispApiSettings settings(URI uri, String key) {
        return new MispApiSettings(uri, key, true, Duration.ofSeconds(5));
    }

    @Test
    void sendsExactlyTheDocumentedBodyAndHeaders() throws Exception {
        String uuid = misp.knownAttributeUuid();

        SightingResult result = client.addSighting(new MispSighting(uuid, "zeek@sensor-1", SEEN));

        assertThat(result.id()).hasValue("1");
        assertThat(misp.sightingBodies()).containsExactly(new ObjectMapper().readTree(
                "{\"uuid\":\"" + uuid + "\",\"type\":\"0\",\"source\":\"zeek@sensor-1\",\"timestamp\":\"1614599635\"}"));
        Map<String, List<String>> headers = misp.headers().get(0);
        assertThat(headers.get("Authorization")).containsExactly(FakeMisp.API_KEY);
        assertThat(headers.get("Accept")).containsExactly("application/json");
        assertThat(headers.get("Content-type")).containsExactly("application/json");
    }

    @Test
    void leavesOutAnAbsentSource() throws Exception {
        String uuid = misp.knownAttributeUuid();

        client.addSighting(new MispSighting(uuid, null, SEEN));

        assertThat(misp.sightingBodies()).containsExactly(new ObjectMapper().readTree(
                "{\"uuid\":\"" + uuid + "\",\"type\":\"0\",\"timestamp\":\"1614599635\"}"));
    }

    @Test
    void acceptsTheMessageOfOlderMispVersions() throws Exception {
        misp.sightingSuccess(FakeMisp.SightingSuccess.MESSAGE);

        assertThat(client.addSighting(new MispSighting(misp.knownAttributeUuid(), null, SEEN)).message())
                .isEqualTo("Sighting added");
    }

    @Test
    void unknownAttributeIsAPermanentErrorDespiteHttp200() {
        MispApiException e = sightingFails(client, "00000000-0000-4000-8000-000000000000");

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.status()).hasValue(200);
        assertThat(e.mispMessage()).isEqualTo(FakeMisp.NO_ATTRIBUTE);
    }

    @Test
    void authenticationFailureIsPermanentAndHidesTheKey() {
        String wrongKey = "WrongKeyWrongKeyWrongKeyWrongKeyWrongKey";
        MispRestClient wrong = new MispRestClient(settings(misp.uri(), wrongKey));

        MispApiException e = sightingFails(wrong, misp.knownAttributeUuid());

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.status()).hasValue(403);
        assertThat(e.mispMessage()).isEqualTo(FakeMisp.AUTH_FAILED);
        assertThat(e.toString()).doesNotContain(wrongKey);
        assertThat(wrong.settings().toString()).doesNotContain(wrongKey);
    }

    @Test
    void notFoundIsPermanent() {
        misp.replyNext(404, FakeMisp.apiError("Invalid attribute", FakeMisp.SIGHTINGS));

        MispApiException e = sightingFails(client, misp.knownAttributeUuid());

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.status()).hasValue(404);
        assertThat(e.mispMessage()).isEqualTo("Invalid attribute");
    }

    @Test
    void serverTroubleIsTransient() {
        for (int status : new int[] {500, 503, 429}) {
            misp.failNext(1, status);
            MispApiException e = sightingFails(client, misp.knownAttributeUuid());
            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(e.status()).hasValue(status);
        }
        misp.dropNext(1);
        MispApiException dropped = sightingFails(client, misp.knownAttributeUuid());
        assertThat(dropped.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(dropped.status()).isEmpty();
    }

    @Test
    void connectionRefusedIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MispRestClient nowhere = new MispRestClient(settings(URI.create("http://127.0.0.1:" + closedPort),
                FakeMisp.API_KEY));

        MispApiException e = sightingFails(nowhere, misp.knownAttributeUuid());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.toString()).doesNotContain(FakeMisp.API_KEY);
    }

    private static MispApiException sightingFails(MispRestClient client, String uuid) {
        return catchThrowableOfType(MispApiException.class, () -> client.addSighting(new MispSighting(uuid, null, SEEN)));
    }
}
