// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Bus;
import threatbus.app.zeek.broker.BrokerEndpoint;

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
