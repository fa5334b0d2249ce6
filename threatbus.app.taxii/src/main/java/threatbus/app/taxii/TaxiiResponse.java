// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the servlet writes back: a status, headers and a TAXII JSON body; errors carry TAXII's error message
 * resource (TAXII 2.1, 3.6.1).
 */
record TaxiiResponse(int status, Map<String, String> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    static TaxiiResponse ok(JsonNode body) {
        return of(200, body, Map.of());
    }

    static TaxiiResponse ok(JsonNode body, Map<String, String> headers) {
        return of(200, body, headers);
    }

    static TaxiiResponse notAllowed() {
        return error(405, "method not allowed here");
    }

    static TaxiiResponse error(int status, String title) {
        return error(status, title, Map.of());
    }

    static TaxiiResponse error(int status, String title, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode().put("title", title).put("http_status", String.valueOf(status));
        return of(status, body, headers);
    }

    static TaxiiResponse of(int status, JsonNode body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", MediaTypes.TAXII);
        try {
            return new TaxiiResponse(status, all, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            return new TaxiiResponse(500, all, ("{\"title\": \"" + e + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
