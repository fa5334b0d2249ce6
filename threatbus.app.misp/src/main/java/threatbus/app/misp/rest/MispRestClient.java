// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.net.Hosts;
import threatbus.app.misp.rest.MispApiException.Kind;

/**
 * The two MISP REST calls Threat Bus makes: {@code POST /sightings/add} and {@code POST /attributes/restSearch}.
 * Each call is one blocking HTTP exchange (no retries here: see {@link SightingForwarder}). Thread-safe.
 */
public final class MispRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(MispRestClient.class);
    private static final String JSON = "application/json";

    private final MispApiSettings settings;
    private final HttpClient http;

    public MispRestClient(MispApiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                // MISP answers an unauthenticated call with a redirect to its login page: report, don't follow
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (!settings.verifyTls()) {
            LOG.warn("TLS certificate and host name verification is OFF for MISP at {} (ssl: false);"
                    + " this affects only this client", settings.host());
            builder.sslContext(InsecureTls.context());
        }
        if ("http".equalsIgnoreCase(settings.host().getScheme()) && !Hosts.isLoopback(settings.host().getHost())) {
            LOG.warn("MISP at {} is reached over plain HTTP: the API key travels unencrypted", settings.host());
        }
        this.http = builder.build();
    }

    public MispApiSettings settings() {
        return settings;
    }

    /**
     * Adds one true-positive sighting to the attribute with the sighting's UUID.
     *
     * @throws MispApiException {@link Kind#TRANSIENT} for network failures, timeouts, 5xx and 429 (and when
     *     the calling thread is interrupted, whose interrupt flag is then set again); {@link Kind#PERMANENT}
     *     for other statuses and for MISP's error bodies, e.g. an unknown attribute
     */
    public SightingResult addSighting(MispSighting sighting) throws MispApiException {
        HttpResponse<byte[]> response = post("/sightings/add", MispRequests.sighting(sighting));
        SightingResult result = MispResponses.sighting(response.statusCode(), response.body());
        LOG.debug("MISP sighting of attribute {} added", sighting.attributeUuid());
        return result;
    }

    /**
     * Runs {@code query} page by page and hands each non-empty page of attributes (restSearch JSON objects,
     * {@code pageSize} at most) to {@code pageConsumer}, so that a large MISP never sits in memory at once.
     * {@code org} and {@code type} take one value each, so a query with several orgs or types becomes one
     * search per combination; tags go into each search as a list (any of them matches). A search ends at the
     * first empty or short page.
     *
     * @throws MispApiException as {@link #addSighting}; pages already handed over stay handed over
     */
    public void searchAttributes(SearchQuery query, int pageSize, Consumer<List<JsonNode>> pageConsumer)
            throws MispApiException {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        Objects.requireNonNull(pageConsumer, "pageConsumer");
        for (String org : orNone(query.orgs())) {
            for (String type : orNone(query.types())) {
                int total = 0;
                for (int page = 1; ; page++) {
                    ObjectNode body = MispRequests.search(query.since(), org, type, query.tags(), page, pageSize);
                    HttpResponse<byte[]> response = post("/attributes/restSearch", body);
                    List<JsonNode> attributes = MispResponses.attributes(response.statusCode(), response.body());
                    total += attributes.size();
                    if (!attributes.isEmpty()) {
                        pageConsumer.accept(Collections.unmodifiableList(attributes));
                    }
                    if (attributes.size() < pageSize) {
                        break;
                    }
                }
                LOG.debug("MISP restSearch (org {}, type {}, tags {}) found {} attributes", org, type,
                        query.tags(), total);
            }
        }
    }

    /** By name only: a DNS lookup in a constructor could block. */
    /** The list itself, or one {@code null} standing for "no restriction". */
    private static List<String> orNone(List<String> values) {
        if (values.isEmpty()) {
            List<String> none = new ArrayList<>(1);
            none.add(null);
            return none;
        }
        return values;
    }

    private HttpResponse<byte[]> post(String path, ObjectNode body) throws MispApiException {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint(path))
                .timeout(settings.timeout())
                .header("Authorization", settings.apiKey())
                .header("Accept", JSON)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MispApiException(Kind.TRANSIENT, 0, "interrupted while calling " + path, e);
        } catch (HttpTimeoutException e) {
            throw new MispApiException(Kind.TRANSIENT, 0, "timed out calling " + path + " after " + settings.timeout(), e);
        } catch (SSLException e) {
            // a certificate the client does not trust stays untrusted on the next try
            throw new MispApiException(Kind.PERMANENT, 0, "TLS failure calling " + path + ": " + e.getMessage(), e);
        } catch (ConnectException e) {
            throw new MispApiException(Kind.TRANSIENT, 0, "cannot connect to " + settings.host() + ": " + e, e);
        } catch (IOException e) {
            throw new MispApiException(Kind.TRANSIENT, 0, "I/O failure calling " + path + ": " + e, e);
        }
    }
}
