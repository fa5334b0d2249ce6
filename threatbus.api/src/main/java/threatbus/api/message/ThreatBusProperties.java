// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

/** The custom STIX properties Threat Bus and its clients use. */
public final class ThreatBusProperties {

    /** On indicators: {@code "EDIT"} or {@code "REMOVE"} ({@link Operation}); absent means "add". */
    public static final String UPDATE = "x_threatbus_update";
    /** On sightings: free-form JSON object with context (Zeek, VAST, STIX-Shifter). */
    public static final String SIGHTING_CONTEXT = "x_threatbus_sighting_context";
    /** On sightings: the full matched indicator. */
    public static final String INDICATOR = "x_threatbus_indicator";
    /** On sightings: the matched IoC value when the indicator is unknown. */
    public static final String INDICATOR_VALUE = "x_threatbus_indicator_value";
    /** On sightings: {@code "LIVE"} or {@code "RETRO"} ({@link MatchType}). */
    public static final String MATCH_TYPE = "x_threatbus_match_type";
    /** On sightings: who saw it; the MISP plugin uses it as the sighting source. */
    public static final String SOURCE = "x_threatbus_source";

    private ThreatBusProperties() {
    }
}
