// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.regex.Pattern;

import org.osgi.service.cm.ConfigurationAdmin;

/** The metrics endpoint turned on at a free loopback port, and scraped over HTTP. */
final class MetricsScrape {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final URI uri;

    private MetricsScrape(URI uri) {
        this.uri = uri;
    }

    /** The endpoint of another process, on loopback at this port. */
    static MetricsScrape at(int port) {
        return new MetricsScrape(URI.create("http://127.0.0.1:" + port + "/metrics"));
    }

    /** The value of the sample line that starts with {@code nameAndLabels}, or -1 if there is none. */
    long value(String nameAndLabels) {
        for (String line : text().split("\n")) {
            if (line.startsWith(nameAndLabels + " ")) {
                return (long) Double.parseDouble(line.substring(nameAndLabels.length() + 1));
            }
        }
        return -1;
    }

    /** Configures the endpoint and waits until it serves the bus's gauges. */
    static MetricsScrape enable(ConfigurationAdmin configurationAdmin) throws IOException {
        int port = ZmqFixture.freePorts(1)[0];
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("enabled", true);
        properties.put("port", port);
        configurationAdmin.getConfiguration("threatbus.metrics", "?").update(properties);
        MetricsScrape metrics = new MetricsScrape(URI.create("http://127.0.0.1:" + port + "/metrics"));
        Await.until("metrics endpoint up", () -> metrics.text().contains("# TYPE threatbus_inbox_depth gauge"));
        return metrics;
    }

    HttpResponse<String> get() throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The exposition text, or "" while the endpoint does not answer. */
    String text() {
        try {
            return get().body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the sample line {@code name{labels} value} is served, e.g. {@code x{app="zmq"} 1}. */
    void awaitLine(String line) {
        Pattern pattern = Pattern.compile("(?s)(.*\\n)?" + Pattern.quote(line) + "\\n.*");
        Await.until(line, () -> pattern.matcher(text()).matches(), this::text);
    }
}
