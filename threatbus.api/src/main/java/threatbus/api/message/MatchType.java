// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

/** How a sighting was found, carried in {@code x_threatbus_match_type}. */
public enum MatchType {
    /** Matched in live traffic. */
    LIVE,
    /** Matched retrospectively in historic data. */
    RETRO
}
