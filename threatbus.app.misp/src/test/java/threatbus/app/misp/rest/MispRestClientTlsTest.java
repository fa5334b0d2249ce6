// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import threatbus.app.misp.rest.MispApiException.Kind;
import threatbus.app.misp.testmisp.FakeMisp;

/**
 * HTTPS with a self-signed certificate for another host name: rejected by default, accepted with
 * {@code verifyTls=false}, and only by that client.
 */
class MispRestClientTlsTest {

    private static FakeMisp misp;

    @BeforeAll
    static void start() throws Exception {
        misp = FakeMisp.https(SelfSignedTls.serverContext());
    }

    @AfterAll
    static void stop() {
        misp.close();
        assertThat(misp.violations()).isEmpty();
    }

    @Test
    void verificationRejectsTheSelfSignedServer() {
        MispRestClient client = new MispRestClient(settings(true));

        MispApiException e = catchThrowableOfType(MispApiException.class, () -> client.addSighting(sighting()));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.status()).isEmpty();
        assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void withoutVerificationTheCertificateAndHostNameAreAccepted() throws Exception {
        MispRestClient client = new MispRestClient(settings(false));

        assertThat(client.addSighting(sighting()).id()).isPresent();
    }

    @Test
    void turningVerificationOffStaysWithThatClient() throws Exception {
        SSLContext defaultBefore = SSLContext.getDefault();
        try (LogCapture log = new LogCapture()) {
            MispRestClient insecure = new MispRestClient(settings(false));
            assertThat(insecure.addSighting(sighting()).id()).isPresent();
            assertThat(log.count("verification is OFF")).isEqualTo(1);
        }

        HttpClient other = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(misp.uri().resolve(FakeMisp.SIGHTINGS))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThatThrownBy(() -> other.send(request, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(catchThrowableOfType(MispApiException.class,
                () -> new MispRestClient(settings(true)).addSighting(sighting())).getCause())
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(SSLContext.getDefault()).isSameAs(defaultBefore);
        assertThat(System.getProperty("jdk.internal.httpclient.disableHostnameVerification")).isNull();
    }

    private static MispApiSettings settings(boolean verifyTls) {
        return new MispApiSettings(misp.uri(), FakeMisp.API_KEY, verifyTls, Duration.ofSeconds(5));
    }

    private static MispSighting sighting() {
        return new MispSighting(misp.knownAttributeUuid(), "zeek", Instant.ofEpochSecond(1_614_599_635L));
    }
}
