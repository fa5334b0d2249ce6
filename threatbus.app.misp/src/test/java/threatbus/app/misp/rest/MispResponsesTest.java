// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import threatbus.app.misp.rest.MispApiException.Kind;
import threatbus.app.misp.testmisp.FakeMisp;

/** The answer shapes of the MISP versions in use, success and error, with and without HTTP errors. */
class MispResponsesTest {

    @Test
    void currentMispReturnsTheNewRow() throws Exception {
        SightingResult result = MispResponses.sighting(200, bytes("{\"Sighting\":{\"id\":\"12\",\"attribute_id\":\"1\","
                + "\"event_id\":\"1\",\"org_id\":\"1\",\"date_sighting\":\"1614599635\",\"uuid\":"
                + "\"9d0c5d3e-1b2a-4c3d-8e9f-0a1b2c3d4e5f\",\"source\":\"zeek\",\"type\":\"0\"}}"));

        assertThat(result).isEqualTo(new SightingResult("12", null));
    }

    @Test
    void olderMispConfirmWithAMessage() throws Exception {
        assertThat(MispResponses.sighting(200, bytes("{\"message\":\"Sighting added\"}")).message())
                .isEqualTo("Sighting added");
        assertThat(MispResponses.sighting(200, bytes("{\"name\":\"1 sighting successfuly added.\",\"message\":"
                + "\"1 sighting successfuly added.\",\"url\":\"/sightings/add\"}")).message())
                .isEqualTo("1 sighting successfuly added.");
    }

    @Test
    void twoHundredWithAMessageIsAnError() {
        MispApiException e = sightingError(200, "{\"message\":\"Could not add the Sighting. Reason: No valid attributes"
                + " found that match the criteria.\"}");

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.status()).hasValue(200);
        assertThat(e.mispMessage()).isEqualTo("Could not add the Sighting. Reason: No valid attributes found that"
                + " match the criteria.");
    }

    @Test
    void twoHundredWithErrorsIsAnError() {
        assertThat(sightingError(200, "{\"saved\":false,\"errors\":\"Could not add the Sighting. Reason: x\"}")
                .mispMessage()).isEqualTo("Could not add the Sighting. Reason: x");
        assertThat(sightingError(200, "{\"saved\":true,\"errors\":\"Sighting could not be added\"}").kind())
                .isEqualTo(Kind.PERMANENT);
    }

    @Test
    void noSightingAddedIsNotASuccess() {
        assertThat(sightingError(200, "{\"name\":\"0 sightings successfuly added.\",\"message\":"
                + "\"0 sightings successfuly added.\",\"url\":\"/sightings/add\"}").kind()).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void clientErrorsArePermanent() {
        MispApiException auth = sightingError(403, FakeMisp.apiError(FakeMisp.AUTH_FAILED, "/sightings/add"));
        MispApiException old = sightingError(403, "{\"name\":\"Could not add Sighting\",\"message\":\"Could not add"
                + " Sighting\",\"url\":\"/sightings/add\",\"errors\":\"Invalid attribute.\"}");
        MispApiException notFound = sightingError(404, FakeMisp.apiError("Invalid attribute", "/sightings/add"));

        assertThat(auth.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(auth.mispMessage()).isEqualTo(FakeMisp.AUTH_FAILED);
        assertThat(old.mispMessage()).isEqualTo("Could not add Sighting: Invalid attribute.");
        assertThat(notFound.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(notFound.status()).hasValue(404);
        assertThat(sightingError(302, "").kind()).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void serverErrorsAndThrottlingAreTransient() {
        assertThat(sightingError(500, FakeMisp.apiError("An Internal Error Has Occurred.", "/")).kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(sightingError(503, "<html>Service Unavailable</html>").kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(sightingError(429, "").kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void unexpectedBodiesAreErrors() {
        assertThat(sightingError(200, "<html>login</html>").kind()).isEqualTo(Kind.PERMANENT);
        assertThat(sightingError(200, "[]").kind()).isEqualTo(Kind.PERMANENT);
        assertThat(sightingError(200, "{}").kind()).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void searchPages() throws Exception {
        assertThat(MispResponses.attributes(200, bytes("{\"response\":{\"Attribute\":[{\"id\":\"1\"},{\"id\":\"2\"}]}}")))
                .hasSize(2);
        assertThat(MispResponses.attributes(200, bytes("{\"response\":{\"Attribute\":[]}}"))).isEmpty();
        assertThat(MispResponses.attributes(200, bytes("{\"response\":[]}"))).isEmpty();
    }

    @Test
    void searchErrors() {
        MispApiException message = catchThrowableOfType(MispApiException.class,
                () -> MispResponses.attributes(200, bytes("{\"message\":\"Invalid filter.\"}")));
        MispApiException auth = catchThrowableOfType(MispApiException.class, () -> MispResponses.attributes(403,
                bytes(FakeMisp.apiError(FakeMisp.AUTH_FAILED, "/attributes/restSearch"))));

        assertThat(message.mispMessage()).isEqualTo("Invalid filter.");
        assertThat(auth.kind()).isEqualTo(Kind.PERMANENT);
    }

    private static MispApiException sightingError(int status, String body) {
        return catchThrowableOfType(MispApiException.class, () -> MispResponses.sighting(status, bytes(body)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
