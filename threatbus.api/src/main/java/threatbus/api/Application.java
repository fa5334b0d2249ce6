// SPDX-License-Identifier: BSD-3-Clause
package threatbus.api;

import org.osgi.annotation.versioning.ConsumerType;

import threatbus.api.message.SnapshotRequest;

/**
 * An application plugin: gives one kind of security tool an endpoint and maps its format to and from
 * STIX 2.1. Registered as a whiteboard service with the {@link ThreatBusConstants#APPLICATION_NAME}
 * property (see {@link ApplicationName}). Its lifecycle is its component's; it reaches the bus through the
 * {@link Bus} service.
 */
@ConsumerType
public interface Application {

    /**
     * Answers a request for historic data. The bus calls this on every application for every snapshot
     * request it sees (also the ones of other hosts sharing a broker). Put each historic item into the
     * sink; the bus delivers them to the requester only. Must not block: do slow work on your own thread
     * and use the sink from there. The default answers nothing.
     */
    default void snapshot(SnapshotRequest request, SnapshotSink sink) {
        // no historic data
    }
}
