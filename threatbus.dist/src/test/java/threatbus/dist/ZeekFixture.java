// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;

import threatbus.api.Application;
import threatbus.api.ThreatBusConstants;

/** Starts the Zeek app of the container on a free port and says where it listens. */
final class ZeekFixture {

    final int port;

    private ZeekFixture(int port) {
        this.port = port;
    }

    /** Configures the app on a free port, plain TCP or Zeek's default anonymous TLS, and starts its bundle. */
    static ZeekFixture start(BundleContext context, ConfigurationAdmin configurationAdmin, boolean tls)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("port", port);
        properties.put("disable_ssl", !tls);
        configurationAdmin.getConfiguration("threatbus.app.zeek", "?").update(properties);
        Bundles.start(context, "threatbus.app.zeek");
        // the app binds its port when it activates, before it registers its service
        Await.until("the Zeek app is active", () -> zeekAppRegistered(context));
        Await.until("the Zeek app listens on " + port, () -> listening(port));
        return new ZeekFixture(port);
    }

    /** Whether something accepts TCP connections on the loopback port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean zeekAppRegistered(BundleContext context) {
        try {
            return !context.getServiceReferences(Application.class,
                    "(" + ThreatBusConstants.APPLICATION_NAME + "=zeek)").isEmpty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
