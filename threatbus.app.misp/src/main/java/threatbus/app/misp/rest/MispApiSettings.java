// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach MISP's REST API.
 *
 * @param host base URI of the MISP instance, {@code http} or {@code https}; may carry a path prefix
 * @param apiKey the API key sent raw in {@code Authorization}; {@link #toString()} masks it
 * @param verifyTls whether to verify the server's certificate and host name ({@code ssl} in the configuration)
 * @param timeout connect timeout and timeout of each request
 */
public record MispApiSettings(URI host, String apiKey, boolean verifyTls, Duration timeout) {

    public MispApiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = host.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || host.getHost() == null) {
            throw new IllegalArgumentException("MISP host must be an http or https URI with a host name: " + host);
        }
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("MISP API key must not be empty");
        }
        // a line break would split the Authorization header; say so without echoing the key
        if (apiKey.indexOf('\r') >= 0 || apiKey.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("MISP API key must not contain line breaks");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("MISP API timeout must be positive: " + timeout);
        }
    }

    /** The URI of an API path such as {@code /sightings/add}, below {@link #host()}. */
    URI endpoint(String path) {
        String base = host.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    /** Masks the API key: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "MispApiSettings[host=" + host + ", apiKey=****, verifyTls=" + verifyTls + ", timeout=" + timeout + "]";
    }
}
