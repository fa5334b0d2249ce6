// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

/** The topic strings of the bus (exactly those of the original Threat Bus). Subscriptions match by prefix. */
public final class Topics {

    /** STIX 2.1 indicators. */
    public static final String INDICATOR = "stix2/indicator";
    /** STIX 2.1 sightings. */
    public static final String SIGHTING = "stix2/sighting";
    /** Requests for historic data, produced by the bus when a subscriber asks for a snapshot. */
    public static final String SNAPSHOT_REQUEST = "threatbus/snapshotrequest";
    /** Answers to snapshot requests, produced by applications. */
    public static final String SNAPSHOT_ENVELOPE = "threatbus/snapshotenvelope";
    /** Prefix of both STIX topics. */
    public static final String STIX2 = "stix2/";
    /** The prefix that matches every topic. */
    public static final String ALL = "";

    private Topics() {
    }
}
