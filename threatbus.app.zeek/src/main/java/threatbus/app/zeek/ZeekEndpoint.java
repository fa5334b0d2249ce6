// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Bus;
import threatbus.api.net.Hosts;
import threatbus.app.zeek.broker.BrokerEndpoint;
import threatbus.app.zeek.broker.TransportSecurity;

/** The running Zeek app: a listening Broker endpoint and the Threat Bus session on top of it. */
final class ZeekEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZeekEndpoint.class);

    private final ZeekSettings settings;
    private final ZeekSession session;
    private final BrokerEndpoint broker;

    /** Binds the listening socket (fails fast if it cannot) and accepts Zeek peers on its own threads. */
    ZeekEndpoint(ZeekSettings settings, Bus bus, Clock clock) throws IOException {
        this.settings = settings;
        this.session = new ZeekSession(bus, settings.namespace(), clock);
        this.broker = new BrokerEndpoint(settings.endpointConfig(), session);
        broker.subscriptions(Set.copyOf(ZeekSession.topics()));
        LOG.info("Zeek app ready for {}:: events on {}", settings.namespace(), ZeekSession.topics());
        if (!Hosts.isLoopback(settings.host()) && !(settings.security() instanceof TransportSecurity.MutualTls)) {
            LOG.warn("Zeek app listens on {} without authentication: any host that reaches port {} can peer, "
                    + "publish sightings and read intel; set ssl_certificate, ssl_keyfile and ssl_cafile for "
                    + "mutual TLS", settings.host(), settings.port());
        }
    }

    ZeekSettings settings() {
        return settings;
    }

    ZeekSession session() {
        return session;
    }

    BrokerEndpoint broker() {
        return broker;
    }

    @Override
    public void close() {
        session.close();
        broker.close();
    }
}
