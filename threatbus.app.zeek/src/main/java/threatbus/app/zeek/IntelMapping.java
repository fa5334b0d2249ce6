// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import threatbus.api.message.Indicator;
import threatbus.api.message.Operation;
import threatbus.api.stix.PointIoc;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.ZeekEvent;

/**
 * STIX indicators to {@code <ns>::intel} events (spec §3.1): one argument, the record
 * {@code Intelligence [ts, id, intel_type, indicator, operation]} as a vector of five. Only point IoCs
 * ({@code [path = 'value']}) of a path Zeek's Intel framework knows are sent; anything else is not
 * mappable and stays on the bus. {@code REMOVE} for {@code x_threatbus_update: REMOVE} and, unlike the
 * original, for revoked indicators.
 */
final class IntelMapping {

    /** STIX object path to the name of Zeek's {@code Intel::Type}, exactly as the original's table. */
    static final Map<String, String> INTEL_TYPES = Map.ofEntries(
            Map.entry("domain-name:value", "DOMAIN"),
            Map.entry("email-addr:value", "EMAIL"),
            Map.entry("file:name", "FILE_NAME"),
            Map.entry("file:hashes.MD5", "FILE_HASH"),
            Map.entry("file:hashes.'SHA-1'", "FILE_HASH"),
            Map.entry("file:hashes.'SHA-256'", "FILE_HASH"),
            Map.entry("file:hashes.'SHA-512'", "FILE_HASH"),
            Map.entry("file:hashes.'SHA3-256'", "FILE_HASH"),
            Map.entry("file:hashes.'SHA3-512'", "FILE_HASH"),
            Map.entry("file:hashes.SSDEEP", "FILE_HASH"),
            Map.entry("file:hashes.TLSH", "FILE_HASH"),
            Map.entry("ipv4-addr:value", "ADDR"),
            Map.entry("ipv6-addr:value", "ADDR"),
            Map.entry("software:name", "SOFTWARE"),
            Map.entry("url:value", "URL"),
            Map.entry("user:user_id", "USER_NAME"),
            Map.entry("user:account_login", "USER_NAME"),
            Map.entry("x509-certificate:hashes.'SHA-1'", "CERT_HASH"));

    /** Zeek's URL intel has no scheme ({@code http://evil.com/x} is matched as {@code evil.com/x}). */
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*://");

    /** The original's test for a CIDR value: {@code .+/.+}. */
    private static final Pattern SUBNET = Pattern.compile(".+/.+");

    private final String intelEvent;

    /** @param namespace the Zeek module of the events, e.g. {@code Tenzir} */
    IntelMapping(String namespace) {
        this.intelEvent = namespace + "::intel";
    }

    /**
     * The intel event for an indicator, stamped with {@code networkTime} as Zeek ≥ 6 stamps events; empty
     * if the indicator has no STIX point IoC of a mappable path.
     */
    Optional<ZeekEvent> toEvent(Indicator indicator, Instant networkTime) {
        if (!"stix".equals(indicator.patternType())) {
            return Optional.empty();
        }
        Optional<PointIoc> ioc = PointIoc.of(indicator.pattern());
        if (ioc.isEmpty()) {
            return Optional.empty();
        }
        String type = INTEL_TYPES.get(ioc.get().objectPath());
        if (type == null) {
            return Optional.empty();
        }
        String value = ioc.get().value();
        if (type.equals("ADDR") && SUBNET.matcher(value).matches()) {
            type = "SUBNET";
        } else if (type.equals("URL")) {
            value = URL_SCHEME.matcher(value).replaceFirst("");
        }
        // a revoked indicator must leave Zeek's intel as well (the original only looked at x_threatbus_update)
        boolean remove = indicator.revoked() || indicator.update().filter(Operation.REMOVE::equals).isPresent();
        String operation = remove ? "REMOVE" : "ADD";
        BrokerData intelligence = BrokerData.vector(
                BrokerData.timestamp(indicator.created()),
                BrokerData.str(indicator.id()),
                BrokerData.str(type),
                BrokerData.str(value),
                BrokerData.str(operation));
        return Optional.of(ZeekEvent.of(intelEvent, networkTime, intelligence));
    }
}
