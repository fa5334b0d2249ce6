// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.testmisp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A strict stand-in for MISP's {@code POST /sightings/add} and {@code POST /attributes/restSearch}. It checks
 * method, path, headers and JSON bodies against {@link FakeMispRules}, records {@link #violations()}, and
 * answers with MISP's own success and error shapes. It can fail, drop or hold the next requests on demand.
 */
public final class FakeMisp implements AutoCloseable {

    public static final String API_KEY = "Kq7fZ3mX9pL2vR8tY4wN6bH1cJ5dG0sA3eU7iO9x";
    public static final String SIGHTINGS = "/sightings/add";
    public static final String SEARCH = "/attributes/restSearch";
    public static final String NO_ATTRIBUTE = "Could not add the Sighting. Reason: No valid attributes found that match the criteria.";
    public static final String AUTH_FAILED = "Authentication failed. Please make sure you pass the API key of an API enabled"
            + " user along in the Authorization header.";

    /** How MISP confirms a sighting: current versions return the row, 2.4.1xx a message. */
    public enum SightingSuccess { ROW, MESSAGE }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String scheme;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> sightingBodies = new CopyOnWriteArrayList<>();
    private final List<JsonNode> searchBodies = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Queue<Reply> canned = new ConcurrentLinkedQueue<>();
    private final AtomicInteger dropNext = new AtomicInteger();
    private volatile List<ObjectNode> attributes = FakeAttributes.generate(5, 1_600_000_000L);
    private volatile SightingSuccess sightingSuccess = SightingSuccess.ROW;
    private volatile CountDownLatch hold;
    private final AtomicInteger nextSightingId = new AtomicInteger(1);

    private record Reply(int status, String contentType, String body) {
    }

    private FakeMisp(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeMisp http() throws IOException {
        return new FakeMisp(HttpServer.create(loopback(), 0), "http");
    }

    public static FakeMisp https(SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(loopback(), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new FakeMisp(server, "https");
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    public URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The dataset restSearch serves; sightings are accepted for these attributes only. */
    public void attributes(List<ObjectNode> attributes) {
        this.attributes = List.copyOf(attributes);
    }

    public String knownAttributeUuid() {
        return attributes.get(0).path("uuid").asText();
    }

    public void sightingSuccess(SightingSuccess shape) {
        this.sightingSuccess = shape;
    }

    /** The next {@code n} requests get {@code status} with the body MISP (or the proxy in front) sends then. */
    public void failNext(int n, int status) {
        for (int i = 0; i < n; i++) {
            canned.add(status == 503
                    ? new Reply(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>")
                    : new Reply(status, "application/json", apiError(status == 429 ? "Too Many Requests"
                            : "An Internal Error Has Occurred.", "/")));
        }
    }

    /** The next request gets exactly this answer (after its checks). */
    public void replyNext(int status, String json) {
        canned.add(new Reply(status, "application/json", json));
    }

    /** The next {@code n} requests see the connection closed without an answer. */
    public void dropNext(int n) {
        dropNext.addAndGet(n);
    }

    /** Sighting requests wait (10 s at most) until the returned latch is counted down. */
    public CountDownLatch holdSightings() {
        CountDownLatch latch = new CountDownLatch(1);
        hold = latch;
        return latch;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<JsonNode> sightingBodies() {
        return List.copyOf(sightingBodies);
    }

    public List<JsonNode> searchBodies() {
        return List.copyOf(searchBodies);
    }

    public List<Map<String, List<String>>> headers() {
        return List.copyOf(headers);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        CountDownLatch held = hold;
        if (held != null) {
            held.countDown();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] raw = readBody(exchange.getRequestBody());
            if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return; // closing without headers closes the connection
            }
            String path = exchange.getRequestURI().getPath();
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 403, "application/json", apiError(AUTH_FAILED, path));
                return;
            }
            List<String> problems = new ArrayList<>();
            if (!"POST".equals(exchange.getRequestMethod())) {
                problems.add("method " + exchange.getRequestMethod());
            }
            for (String header : List.of("Accept", "Content-Type")) {
                List<String> values = exchange.getRequestHeaders().get(header);
                if (!List.of("application/json").equals(values)) {
                    problems.add(header + ": " + values);
                }
            }
            JsonNode body = parse(raw, problems);
            if (body != null && SIGHTINGS.equals(path)) {
                sightingBodies.add(body);
                problems.addAll(FakeMispRules.sighting(body));
            } else if (body != null && SEARCH.equals(path)) {
                searchBodies.add(body);
                problems.addAll(FakeMispRules.search(body));
            } else if (body != null) {
                problems.add("unknown path " + path);
            }
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                send(exchange, 400, "application/json", apiError(String.join("; ", problems), path));
                return;
            }
            Reply reply = canned.poll();
            if (reply != null) {
                send(exchange, reply.status(), reply.contentType(), reply.body());
            } else if (SIGHTINGS.equals(path)) {
                sighting(exchange, body);
            } else {
                search(exchange, body);
            }
        }
    }

    private void sighting(HttpExchange exchange, JsonNode body) throws IOException {
        CountDownLatch held = hold;
        if (held != null) {
            try {
                held.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String type = body.path("type").asText("0");
        if (!List.of("0", "1", "2").contains(type)) {
            send(exchange, 200, "application/json", message("Could not add the Sighting. Reason: Invalid type,"
                    + " please change it before you POST 1000000 sightings."));
            return;
        }
        String uuid = body.path("uuid").asText();
        ObjectNode attribute = attributes.stream().filter(a -> a.path("uuid").asText().equals(uuid)).findFirst()
                .orElse(null);
        if (attribute == null) {
            send(exchange, 200, "application/json", message(NO_ATTRIBUTE));
            return;
        }
        if (sightingSuccess == SightingSuccess.MESSAGE) {
            send(exchange, 200, "application/json", message("Sighting added"));
            return;
        }
        ObjectNode row = MAPPER.createObjectNode();
        ObjectNode sighting = row.putObject("Sighting");
        sighting.put("id", String.valueOf(nextSightingId.getAndIncrement()));
        sighting.put("attribute_id", attribute.path("id").asText());
        sighting.put("event_id", attribute.path("event_id").asText());
        sighting.put("org_id", "1");
        sighting.put("date_sighting", body.path("timestamp").asText());
        sighting.put("uuid", java.util.UUID.randomUUID().toString());
        sighting.put("source", body.path("source").asText(""));
        sighting.put("type", type);
        send(exchange, 200, "application/json", row.toString());
    }

    private void search(HttpExchange exchange, JsonNode filter) throws IOException {
        List<ObjectNode> matching = attributes.stream().filter(FakeAttributes.matcher(filter)).toList();
        int limit = filter.path("limit").intValue();
        int from = Math.min(matching.size(), (filter.path("page").intValue() - 1) * limit);
        int to = Math.min(matching.size(), from + limit);
        ObjectNode result = MAPPER.createObjectNode();
        result.putObject("response").putArray("Attribute").addAll(matching.subList(from, to));
        exchange.getResponseHeaders().set("X-Result-Count", String.valueOf(matching.size()));
        send(exchange, 200, "application/json", result.toString());
    }

    private static JsonNode parse(byte[] raw, List<String> problems) {
        try {
            JsonNode body = MAPPER.readTree(raw);
            if (body == null || !body.isObject()) {
                problems.add("body is not a JSON object");
                return null;
            }
            return body;
        } catch (IOException e) {
            problems.add("body is not JSON: " + e.getMessage());
            return null;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    /** OpenAPI {@code ApiError}: {@code {"name":…,"message":…,"url":…}}. */
    public static String apiError(String text, String url) {
        ObjectNode error = MAPPER.createObjectNode();
        error.put("name", text);
        error.put("message", text);
        error.put("url", url);
        return error.toString();
    }

    private static String message(String text) {
        return MAPPER.createObjectNode().put("message", text).toString();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
