// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import threatbus.api.Application;
import threatbus.api.ApplicationName;
import threatbus.api.Bus;
import threatbus.api.SnapshotSink;
import threatbus.api.message.SnapshotRequest;

/**
 * The zmq application (spec §3.3): the endpoint vast-threatbus, suricata-threatbus, stix-shifter-threatbus
 * and the OpenCTI connector talk to. Snapshot requests are relayed to every other connected app, whose
 * envelopes come back on the subscribe socket.
 */
@Component(name = ZmqApp.PID, immediate = true, service = {Application.class, ZmqApp.class})
@ApplicationName(name = "zmq")
@Designate(ocd = ZmqConfig.class)
public final class ZmqApp implements Application {

    public static final String PID = "threatbus.app.zmq";

    private final ZmqEndpoint endpoint;

    @Activate
    public ZmqApp(@Reference Bus bus, ZmqConfig config) {
        endpoint = new ZmqEndpoint(ZmqSettings.of(config), bus);
        endpoint.start();
    }

    @Override
    public void snapshot(SnapshotRequest request, SnapshotSink sink) {
        endpoint.clients().relay(request);
    }

    ZmqEndpoint endpoint() {
        return endpoint;
    }

    @Deactivate
    void deactivate() {
        endpoint.close();
    }
}
