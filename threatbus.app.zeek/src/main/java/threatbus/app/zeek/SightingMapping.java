// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.time.Clock;

import threatbus.api.message.Sighting;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.BrokerJson;
import threatbus.app.zeek.broker.data.ZeekEvent;

/**
 * {@code <ns>::sighting(ts: time, intel_id: string, context: table[string] of any)} to a STIX sighting
 * (spec §3.1): {@code sighting_of_ref} is the intel id, {@code last_seen} the Zeek time, {@code created} now,
 * and the context table becomes the JSON object {@code x_threatbus_sighting_context} (addresses, ports,
 * subnets as their Zeek text, sets and vectors as arrays, see {@link BrokerJson}).
 */
final class SightingMapping {

    private final Clock clock;

    SightingMapping(Clock clock) {
        this.clock = clock;
    }

    Sighting toSighting(ZeekEvent event) throws InvalidEventException {
        EventArguments args = EventArguments.of(event, "ts", "intel_id", "context");
        BrokerData.Timestamp ts = args.get(0, "ts", BrokerData.Timestamp.class);
        BrokerData.Str intelId = args.get(1, "intel_id", BrokerData.Str.class);
        BrokerData.Table context = args.get(2, "context", BrokerData.Table.class);
        try {
            return Sighting.builder()
                    .created(clock.instant())
                    .sightingOfRef(intelId.value())
                    .lastSeen(ts.toInstant())
                    .context(BrokerJson.toJson(context))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(event.name() + ": not a valid STIX sighting: " + e.getMessage());
        }
    }
}
