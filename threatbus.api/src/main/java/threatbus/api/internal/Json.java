// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one Jackson configuration for reading wire JSON. */
public final class Json {

    /** Deepest nesting of objects and arrays accepted in a message. */
    public static final int MAX_NESTING_DEPTH = 100;

    /** Largest message accepted, in bytes (transports may set lower limits). */
    public static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

    /**
     * Reads numbers losslessly (floats as BigDecimal, kept as written), rejects duplicate keys and trailing
     * content, and bounds nesting and size so that hostile input cannot exhaust the stack or the heap.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .build());
    }

    private Json() {
    }
}
