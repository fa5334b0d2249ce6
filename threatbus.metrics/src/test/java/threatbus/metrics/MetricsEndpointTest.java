// SPDX-License-Identifier: BSD-3-Clause
package threatbus.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import threatbus.api.metrics.Sample;

/** The endpoint over a real socket, as a scraper sees it. */
class MetricsEndpointTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void disabledOpensNoPort() {
        MetricsEndpoint endpoint = new MetricsEndpoint(new MetricsSources(), config(false, 0));
        try {
            assertThat(endpoint.port()).isEqualTo(-1);
        } finally {
            endpoint.deactivate();
        }
    }

    @Test
    void servesEverySourceInTheTextFormatOnLoopback() throws Exception {
        MetricsSources sources = new MetricsSources();
        sources.addSource(() -> List.of(Sample.counter("threatbus_x_total", "X.", Map.of(), 7)));
        sources.addSource(() -> {
            throw new IllegalStateException("a broken source");
        });
        MetricsEndpoint endpoint = new MetricsEndpoint(sources, config(true, 0));
        try {
            URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains(PrometheusText.CONTENT_TYPE);
            assertThat(response.body()).contains("# TYPE threatbus_x_total counter\nthreatbus_x_total 7\n");

            HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        } finally {
            endpoint.deactivate();
        }
    }

    private static MetricsConfig config(boolean enabled, int port) {
        return new MetricsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MetricsConfig.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String path() {
                return "/metrics";
            }
        };
    }
}
