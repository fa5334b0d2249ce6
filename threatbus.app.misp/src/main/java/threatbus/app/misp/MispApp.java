// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Application;
import threatbus.api.ApplicationName;
import threatbus.api.Bus;
import threatbus.api.SnapshotSink;
import threatbus.api.Subscription;
import threatbus.api.message.MessageType;
import threatbus.api.message.Sighting;
import threatbus.api.message.SnapshotRequest;
import threatbus.api.message.Topics;
import threatbus.app.misp.feed.KafkaFeed;
import threatbus.app.misp.feed.MispFeed;
import threatbus.app.misp.feed.ZmqFeed;
import threatbus.app.misp.mapping.IndicatorMapper;
import threatbus.app.misp.mapping.PublishedAttributes;
import threatbus.app.misp.rest.ForwarderSettings;
import threatbus.app.misp.rest.MispRestClient;
import threatbus.app.misp.rest.MispSighting;
import threatbus.app.misp.rest.SightingForwarder;

/**
 * The MISP app (spec §3.2): MISP's attribute feed (ZeroMQ or Kafka) in as STIX indicators; with the REST API
 * configured, sightings go back to MISP and indicator snapshot requests are answered from MISP. Like the
 * original, it is active only when configured: without {@code etc/threatbus.app.misp.cfg} the bundle idles.
 */
@Component(name = MispApp.PID, immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Application.class, MispApp.class})
@ApplicationName(name = "misp")
@Designate(ocd = MispConfig.class)
public final class MispApp implements Application {

    public static final String PID = "threatbus.app.misp";

    private static final Logger LOG = LoggerFactory.getLogger(MispApp.class);

    private final MispSettings settings;
    private final MispIntake intake;
    private final MispFeed feed;
    private final Optional<SightingForwarder> forwarder;
    private final Optional<Subscription> sightings;
    private final Optional<MispSnapshots> snapshots;

    @Activate
    public MispApp(@Reference Bus bus, MispConfig config, Map<String, Object> properties) {
        try {
            settings = MispSettings.of(config, properties);
        } catch (IllegalArgumentException e) {
            // one line naming the keys, rather than only Declarative Services' stack trace
            LOG.error("MISP app not started: {}", e.getMessage());
            throw e;
        }
        IndicatorMapper mapper = new IndicatorMapper(new PublishedAttributes(settings.rememberedAttributes()));
        intake = new MispIntake(bus, settings.filters(), mapper);
        feed = settings.zmq().<MispFeed>map(zmq -> new ZmqFeed(zmq, intake))
                .orElseGet(() -> new KafkaFeed(settings.kafka().orElseThrow(), intake));
        if (settings.api().isPresent()) {
            if (!settings.api().get().verifyTls()) {
                LOG.warn("api.ssl = false: the MISP server's TLS certificate is not checked");
            }
            MispRestClient client = new MispRestClient(settings.api().get());
            ForwarderSettings defaults = ForwarderSettings.defaults();
            SightingForwarder sightingForwarder = SightingForwarder.start(client::addSighting,
                    new ForwarderSettings(settings.sightingQueueCapacity(), defaults.offerTimeout(),
                            defaults.maxAttempts(), defaults.initialBackoff(), defaults.maxBackoff()),
                    "threatbus-misp-sightings");
            forwarder = Optional.of(sightingForwarder);
            sightings = Optional.of(bus.subscribe(Topics.SIGHTING, message -> {
                if (message instanceof Sighting sighting) {
                    MispSighting.of(sighting).ifPresent(sightingForwarder::offer);
                }
            }));
            snapshots = Optional.of(new MispSnapshots(client, mapper, settings.filters(), settings.snapshotPageSize()));
        } else {
            forwarder = Optional.empty();
            sightings = Optional.empty();
            snapshots = Optional.empty();
        }
        feed.start();
    }

    @Override
    public void snapshot(SnapshotRequest request, SnapshotSink sink) {
        if (request.type() == MessageType.INDICATOR) {
            snapshots.ifPresent(s -> s.answer(request, sink));
        }
    }

    MispSettings settings() {
        return settings;
    }

    MispIntake intake() {
        return intake;
    }

    MispFeed feed() {
        return feed;
    }

    Optional<SightingForwarder> forwarder() {
        return forwarder;
    }

    Optional<MispSnapshots> snapshots() {
        return snapshots;
    }

    @Deactivate
    void deactivate() {
        intake.close();
        feed.close();
        sightings.ifPresent(Subscription::unsubscribe);
        forwarder.ifPresent(SightingForwarder::close);
        snapshots.ifPresent(MispSnapshots::close);
    }
}
