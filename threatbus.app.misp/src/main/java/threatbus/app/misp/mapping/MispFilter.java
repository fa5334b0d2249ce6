// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One whitelist filter of the MISP app, with the original Threat Bus semantics: a message passes a list of
 * filters if <em>any</em> filter matches (an empty list lets everything pass); within a filter {@code orgs},
 * {@code types} and {@code tags} must all match, each being an OR over its entries, and an empty set matches
 * anything.
 *
 * <ul>
 * <li>{@code orgs} is compared with {@code Event.orgc_id} (the creator organisation). Ids may be written as
 * strings or integers on either side; {@code 25}, {@code "25"} and {@code "025"} are the same org.</li>
 * <li>{@code types} is compared with the attribute type, exactly.</li>
 * <li>{@code tags} needs at least one of the attribute's tag names, exactly (case matters, as in MISP).</li>
 * <li>A hard {@link MispAction#DELETE} carries neither Event nor tags, so only {@code types} is checked for it.
 * This lets no new data through: {@link IndicatorMapper} turns a hard delete into a removal only for an
 * attribute it published, which passed the filters when it was added.</li>
 * </ul>
 *
 * @param orgs creator organisation ids, normalised (see {@link #parse})
 * @param types MISP attribute types
 * @param tags attribute tag names
 */
public record MispFilter(Set<String> orgs, Set<String> types, Set<String> tags) {

    public MispFilter {
        orgs = Set.copyOf(orgs.stream().map(MispFilter::orgKey).toList());
        types = Set.copyOf(types);
        tags = Set.copyOf(tags);
    }

    /**
     * Parses the configured filter list, a JSON array of objects such as
     * {@code [{"orgs": ["1", 25], "tags": ["TLP:RED"], "types": ["ip-src"]}]}. Null, blank and {@code []} mean
     * "no filter". Missing or null lists mean "any"; unknown keys are ignored, as in the original (a filter
     * with only a misspelt key therefore matches everything).
     *
     * @throws IllegalArgumentException naming the offending element if the text is not such a list
     */
    public static List<MispFilter> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MispJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("MISP filter is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("MISP filter must be a JSON array of objects, got "
                    + MispJson.describe(root));
        }
        List<MispFilter> filters = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode filter = root.get(i);
            String path = "filter[" + i + "]";
            if (!filter.isObject()) {
                throw new IllegalArgumentException(path + " must be an object, got " + MispJson.describe(filter));
            }
            filters.add(new MispFilter(strings(filter, "orgs", path, true), strings(filter, "types", path, false),
                    strings(filter, "tags", path, false)));
        }
        return List.copyOf(filters);
    }

    /** Whether the message passes the filter list: any filter matches, or the list is empty. */
    public static boolean matches(List<MispFilter> filters, MispMessage message) {
        Objects.requireNonNull(message, "message");
        if (filters.isEmpty()) {
            return true;
        }
        for (MispFilter filter : filters) {
            if (filter.matches(message)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the message matches this one filter. */
    public boolean matches(MispMessage message) {
        boolean hardDelete = message.action() == MispAction.DELETE && message.orgcId() == null;
        boolean orgOk = orgs.isEmpty() || hardDelete
                || (message.orgcId() != null && orgs.contains(orgKey(message.orgcId())));
        boolean typeOk = types.isEmpty() || types.contains(message.type());
        boolean tagOk = tags.isEmpty() || hardDelete || message.tags().stream().anyMatch(tags::contains);
        return orgOk && typeOk && tagOk;
    }

    /** Decimal org ids without leading zeros, so that {@code 1}, {@code "1"} and {@code "01"} compare equal. */
    private static String orgKey(String id) {
        String trimmed = id.strip();
        if (trimmed.isEmpty() || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return id;
        }
        int start = 0;
        while (start < trimmed.length() - 1 && trimmed.charAt(start) == '0') {
            start++;
        }
        return trimmed.substring(start);
    }

    private static Set<String> strings(JsonNode filter, String key, String path, boolean integersAllowed) {
        JsonNode list = filter.get(key);
        if (list == null || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(path + "." + key + " must be a JSON array, got "
                    + MispJson.describe(list));
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode value = list.get(i);
            if (value.isTextual()) {
                values.add(value.textValue());
            } else if (integersAllowed && value.isIntegralNumber()) {
                values.add(value.bigIntegerValue().toString());
            } else {
                throw new IllegalArgumentException(path + "." + key + "[" + i + "] must be a string"
                        + (integersAllowed ? " or an integer" : "") + ", got " + MispJson.describe(value));
            }
        }
        return values;
    }
}
