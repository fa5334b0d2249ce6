// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/** Starts the zmq app of the container on free ports and says where it listens. */
final class ZmqFixture {

    final int manage;
    final int pub;
    final int sub;

    private ZmqFixture(int manage, int pub, int sub) {
        this.manage = manage;
        this.pub = pub;
        this.sub = sub;
    }

    /** The zmq app's endpoints on these ports, configured elsewhere (e.g. from a config file). */
    String manageEndpoint() {
        return "tcp://127.0.0.1:" + manage;
    }

    /** The zmq app of another Threat Bus process, on the given ports. */
    static ZmqFixture at(int manage, int pub, int sub) {
        return new ZmqFixture(manage, pub, sub);
    }

    /** Configures the app on three free ports (plus {@code extra} key/value pairs) and starts its bundle. */
    static ZmqFixture start(BundleContext context, ConfigurationAdmin configurationAdmin, Object... extra)
            throws Exception {
        int[] ports = freePorts(3);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("manage", ports[0]);
        properties.put("pub", ports[1]);
        properties.put("sub", ports[2]);
        for (int i = 0; i < extra.length; i += 2) {
            properties.put((String) extra[i], extra[i + 1]);
        }
        configurationAdmin.getConfiguration("threatbus.app.zmq", "?").update(properties);
        Bundles.start(context, "threatbus.app.zmq");
        ZmqFixture fixture = new ZmqFixture(ports[0], ports[1], ports[2]);
        Await.until("the zmq app answers on " + fixture.manageEndpoint(),
                () -> ZmqTestApp.request(fixture.manageEndpoint(), "{\"action\": \"heartbeat\", \"topic\": \"x\"}", 500)
                        != null);
        return fixture;
    }

    static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        return ports;
    }
}
