// SPDX-License-Identifier: BSD-3-Clause
package threatbus.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves the Prometheus endpoint while {@code threatbus.metrics} says {@code enabled: true}. A configuration
 * change re-creates the component, and with it the server. The JDK's HTTP server rather than an HTTP
 * whiteboard: one read-only path needs no servlet container, and nothing else in the product serves HTTP.
 */
@Component(name = MetricsEndpoint.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = MetricsConfig.class)
public final class MetricsEndpoint {

    public static final String PID = "threatbus.metrics";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final HttpServer server;
    private final ExecutorService executor;

    @Activate
    public MetricsEndpoint(@Reference MetricsSources sources,
            MetricsConfig config) {
        HttpServer bound = null;
        ExecutorService pool = null;
        if (config.enabled()) {
            try {
                // binding a socket returns at once; requests are served on the executor's one thread
                bound = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
                pool = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "threatbus-metrics");
                    t.setDaemon(true);
                    return t;
                });
                bound.createContext(config.path(), new ScrapeHandler(sources));
                bound.setExecutor(pool);
                bound.start();
                LOG.info("metrics on http://{}:{}{}", config.host(), bound.getAddress().getPort(), config.path());
            } catch (IOException | RuntimeException e) {
                // a taken port must not take the bus down with it: say so and serve nothing
                LOG.error("metrics endpoint {}:{} not started: {}", config.host(), config.port(), e.toString());
                if (pool != null) {
                    pool.shutdownNow();
                }
                bound = null;
                pool = null;
            }
        }
        server = bound;
        executor = pool;
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** For the shell and tests: the port listened on, or -1. */
    int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }
}
