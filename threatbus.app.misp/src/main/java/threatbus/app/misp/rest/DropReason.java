// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.rest;

/** Why a sighting never reached MISP. */
public enum DropReason {
    /** The queue was full for the whole offer wait. */
    QUEUE_FULL,
    /** MISP refused it for good (unknown attribute, authentication, permissions, error body). */
    PERMANENT_ERROR,
    /** Transient failures on every attempt. */
    GAVE_UP,
    /** Still queued, in a retry wait or offered when the forwarder closed. */
    SHUTDOWN
}
