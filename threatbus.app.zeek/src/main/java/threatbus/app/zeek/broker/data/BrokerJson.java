// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.app.zeek.broker.data.BrokerData.Address;
import threatbus.app.zeek.broker.data.BrokerData.Bool;
import threatbus.app.zeek.broker.data.BrokerData.Count;
import threatbus.app.zeek.broker.data.BrokerData.EnumValue;
import threatbus.app.zeek.broker.data.BrokerData.Int;
import threatbus.app.zeek.broker.data.BrokerData.None;
import threatbus.app.zeek.broker.data.BrokerData.Port;
import threatbus.app.zeek.broker.data.BrokerData.Real;
import threatbus.app.zeek.broker.data.BrokerData.Set;
import threatbus.app.zeek.broker.data.BrokerData.Str;
import threatbus.app.zeek.broker.data.BrokerData.Subnet;
import threatbus.app.zeek.broker.data.BrokerData.Table;
import threatbus.app.zeek.broker.data.BrokerData.Timespan;
import threatbus.app.zeek.broker.data.BrokerData.Timestamp;
import threatbus.app.zeek.broker.data.BrokerData.Vector;

/**
 * Renders Broker data as plain JSON, for example as the context of a sighting. The mapping follows Zeek's JSON
 * logs: addresses, subnets and ports as their text, times as ISO-8601 UTC instants, intervals as seconds, enums
 * by name. JSON has no NaN or infinity, so such reals become {@code null}.
 */
public final class BrokerJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BrokerJson() {
    }

    /**
     * Converts {@code value}. Tables become objects; a key that is not a string is written as the text of its own
     * JSON form (an address key as {@code "192.0.2.1"}, a count key as {@code "5"}). If two keys render alike, the
     * table becomes an array of {@code [key, value]} pairs instead, so that nothing is lost.
     */
    public static JsonNode toJson(BrokerData value) {
        if (value instanceof None) {
            return NODES.nullNode();
        } else if (value instanceof Bool b) {
            return NODES.booleanNode(b.value());
        } else if (value instanceof Count c) {
            return c.value() >= 0 ? NODES.numberNode(c.value())
                    : NODES.numberNode(new BigInteger(Long.toUnsignedString(c.value())));
        } else if (value instanceof Int i) {
            return NODES.numberNode(i.value());
        } else if (value instanceof Real r) {
            return Double.isFinite(r.value()) ? NODES.numberNode(r.value()) : NODES.nullNode();
        } else if (value instanceof Str s) {
            return NODES.textNode(s.value());
        } else if (value instanceof Address || value instanceof Subnet || value instanceof Port) {
            return NODES.textNode(value.toString());
        } else if (value instanceof Timestamp t) {
            return NODES.textNode(t.toInstant().toString());
        } else if (value instanceof Timespan t) {
            return seconds(t.nanos());
        } else if (value instanceof EnumValue e) {
            return NODES.textNode(e.name());
        } else if (value instanceof Set s) {
            return array(s.elements());
        } else if (value instanceof Vector v) {
            return array(v.elements());
        } else if (value instanceof Table t) {
            return table(t);
        }
        throw new IllegalArgumentException("not Broker data: " + value);
    }

    /** Exact seconds; whole seconds as an integer so that they never print in exponent notation. */
    private static JsonNode seconds(long nanos) {
        if (nanos % Nanos.PER_SECOND == 0) {
            return NODES.numberNode(nanos / Nanos.PER_SECOND);
        }
        return NODES.numberNode(BigDecimal.valueOf(nanos, 9).stripTrailingZeros());
    }

    private static ArrayNode array(List<BrokerData> elements) {
        ArrayNode out = NODES.arrayNode(elements.size());
        elements.forEach(e -> out.add(toJson(e)));
        return out;
    }

    private static JsonNode table(Table t) {
        ObjectNode out = NODES.objectNode();
        java.util.Set<String> seen = new HashSet<>();
        for (Table.Entry e : t.entries()) {
            JsonNode key = toJson(e.key());
            String name = key.isTextual() ? key.textValue() : key.toString();
            if (!seen.add(name)) {
                return pairs(t);
            }
            out.set(name, toJson(e.value()));
        }
        return out;
    }

    private static ArrayNode pairs(Table t) {
        ArrayNode out = NODES.arrayNode(t.entries().size());
        for (Table.Entry e : t.entries()) {
            out.add(NODES.arrayNode(2).add(toJson(e.key())).add(toJson(e.value())));
        }
        return out;
    }
}
