// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api.message;

/**
 * Update semantics of an indicator, carried in {@code x_threatbus_update}. An indicator without it is an
 * addition.
 */
public enum Operation {
    /** The indicator changed (sent by OpenCTI on updates). */
    EDIT,
    /** Withdraw the indicator (MISP {@code to_ids} switched off or deleted, OpenCTI delete). */
    REMOVE
}
