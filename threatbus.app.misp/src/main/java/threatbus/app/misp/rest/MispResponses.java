// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import threatbus.app.misp.rest.MispApiException.Kind;

/**
 * Reads MISP's answers. MISP reports many failures with HTTP 200 and a top-level {@code message} or
 * {@code errors}, so the body decides, not only the status.
 */
final class MispResponses {

    /** Success messages of MISP versions that answer {@code /sightings/add} with a message, not the new row. */
    private static final Pattern ADDED = Pattern.compile("Sighting added|([1-9]\\d*) \\S+ successfuly added\\.");
    private static final int MAX_TEXT = 300;

    private MispResponses() {
    }

    /**
     * Accepts {@code {"Sighting":{"id":…}}} (current MISP) and the success messages of older versions;
     * everything else on 200 is an error: {@code {"message":"Could not add the Sighting. Reason: …"}},
     * {@code {"saved":false,"errors":…}}, and {@code "0 sightings successfuly added."} (no attribute matched).
     */
    static SightingResult sighting(int status, byte[] body) throws MispApiException {
        JsonNode json = successBody(status, body);
        JsonNode row = json.path("Sighting");
        if (row.isObject() && !hasErrors(json)) {
            return new SightingResult(text(row.path("id")), null);
        }
        String message = text(json.path("message"));
        if (message != null && !hasErrors(json) && ADDED.matcher(message).matches()) {
            return new SightingResult(null, message);
        }
        throw new MispApiException(Kind.PERMANENT, status, errorText(json, "unexpected answer to a sighting"));
    }

    /**
     * The attributes of one restSearch page, from {@code {"response":{"Attribute":[…]}}}. MISP answers an
     * empty result with an empty list (or, in some versions, {@code {"response":[]}}).
     */
    static List<JsonNode> attributes(int status, byte[] body) throws MispApiException {
        JsonNode json = successBody(status, body);
        JsonNode response = json.get("response");
        if (response == null || hasErrors(json)) {
            throw new MispApiException(Kind.PERMANENT, status, errorText(json, "no \"response\" in search result"));
        }
        if (response.isArray() && response.isEmpty()) {
            return List.of();
        }
        JsonNode attributes = response.path("Attribute");
        if (attributes.isMissingNode() || attributes.isNull()) {
            return List.of();
        }
        if (!attributes.isArray()) {
            throw new MispApiException(Kind.PERMANENT, status, "\"response.Attribute\" is not a list");
        }
        List<JsonNode> page = new ArrayList<>(attributes.size());
        attributes.forEach(page::add);
        return page;
    }

    /** The parsed body of a 2xx answer; other statuses and unreadable bodies become exceptions. */
    private static JsonNode successBody(int status, byte[] body) throws MispApiException {
        JsonNode json = parse(body);
        if (status < 200 || status > 299) {
            throw httpError(status, json);
        }
        if (json == null || !json.isObject()) {
            throw new MispApiException(Kind.PERMANENT, status, "answer is not a JSON object");
        }
        return json;
    }

    /**
     * 429, 5xx and 408 are worth retrying; every other status is not (403 authentication or permission,
     * 404 unknown, 405 action not allowed, redirects to a login page). MISP's error bodies are
     * {@code {"name":…,"message":…,"url":…}} (OpenAPI {@code ApiError}).
     */
    static MispApiException httpError(int status, JsonNode json) {
        boolean transientStatus = status == 429 || status == 408 || status >= 500;
        String text = json != null && json.isObject() ? errorText(json, null) : null;
        return new MispApiException(transientStatus ? Kind.TRANSIENT : Kind.PERMANENT, status,
                text != null ? text : "no MISP error body");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : MispRequests.MAPPER.readTree(body);
        } catch (IOException e) {
            return null; // HTML from a proxy or a login page: the status tells the story
        }
    }

    private static boolean hasErrors(JsonNode json) {
        JsonNode errors = json.path("errors");
        boolean errorsGiven;
        if (errors.isContainerNode()) {
            errorsGiven = !errors.isEmpty();
        } else if (errors.isBoolean()) {
            errorsGiven = errors.booleanValue();
        } else {
            errorsGiven = text(errors) != null && !text(errors).isEmpty();
        }
        JsonNode saved = json.path("saved");
        return errorsGiven || saved.isBoolean() && !saved.booleanValue();
    }

    private static String errorText(JsonNode json, String fallback) {
        String message = text(json.path("message"));
        if (message == null) {
            message = text(json.path("name"));
        }
        JsonNode errors = json.path("errors");
        String detail = errors.isMissingNode() || errors.isNull() ? null
                : errors.isValueNode() ? errors.asText() : errors.toString();
        if (detail != null && !detail.isEmpty() && !detail.equals(message)) {
            message = message == null ? detail : message + ": " + detail;
        }
        return message == null ? fallback : shorten(message);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
    }
}
