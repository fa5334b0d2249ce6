// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.taxii;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.net.Hosts;

/**
 * Turns the runtime's HTTP server (Felix's Jetty, off in {@code threatbus.jar} until needed) on at the TAXII
 * app's host and port while the app is configured, and off again when it is not: nothing listens for HTTP
 * unless TAXII is configured.
 */
@Component(configurationPid = TaxiiServlet.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
public final class HttpServerSwitch {

    static final String HTTP_PID = "org.apache.felix.http";
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerSwitch.class);

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public HttpServerSwitch(@Reference ConfigurationAdmin configurationAdmin, TaxiiConfig config) throws IOException {
        this.configurationAdmin = configurationAdmin;
        apply(config);
    }

    @Modified
    void apply(TaxiiConfig config) throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("org.apache.felix.http.enable", true);
        properties.put("org.apache.felix.http.host", config.host());
        properties.put("org.osgi.service.http.port", config.port());
        configurationAdmin.getConfiguration(HTTP_PID, "?").updateIfDifferent(properties);
        if (!Hosts.isLoopback(config.host())) {
            LOG.warn("TAXII serves on {}:{}, beyond this host, over plain HTTP: put TLS in front of it (a reverse "
                    + "proxy) so that passwords do not cross the network in the clear", config.host(), config.port());
        }
    }

    @Deactivate
    void deactivate() throws IOException {
        Configuration http = configurationAdmin.getConfiguration(HTTP_PID, "?");
        if (http.getProperties() != null) {
            http.delete();
        }
    }
}
