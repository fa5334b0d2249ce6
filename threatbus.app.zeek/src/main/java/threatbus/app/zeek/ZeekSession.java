// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import threatbus.api.Bus;
import threatbus.api.Publishing;
import threatbus.api.Subscription;
import threatbus.api.message.Sighting;
import threatbus.api.routing.P2pTopics;
import threatbus.app.zeek.ZeekIntake.Rejection;
import threatbus.app.zeek.broker.BrokerPeer;
import threatbus.app.zeek.broker.PeerHandler;
import threatbus.app.zeek.broker.SendResult;
import threatbus.app.zeek.broker.data.BrokerData;
import threatbus.app.zeek.broker.data.BrokerDataCodec;
import threatbus.app.zeek.broker.data.BrokerDataException;
import threatbus.app.zeek.broker.data.ZeekEvent;

/**
 * Threat Bus semantics over Broker (spec §3.1): {@code <ns>::subscribe} and {@code <ns>::unsubscribe} on
 * {@code threatbus/manage}, sightings on {@code stix2/sighting}. The namespace prefix of incoming event names
 * is optional, as in the original.
 *
 * <p>Unlike the original, the acknowledgement goes only to the peer that subscribed (the original broadcast
 * it to every Zeek, which could take another's p2p topic), and a peer's subscriptions end when it goes away
 * (Zeek subscribes anew with a new p2p topic when it peers again).
 */
final class ZeekSession implements PeerHandler {

    static final String MANAGEMENT_TOPIC = "threatbus/manage";
    static final String SIGHTING_TOPIC = "stix2/sighting";
    /** The original appends ten letters to the requested topic, without a separator. */
    static final int P2P_LETTERS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ZeekSession.class);
    /** Broker's envelope has a 16-bit topic length. */
    private static final int MAX_TOPIC_BYTES = 0xFFFF;

    private final Bus bus;
    private final String namespacePrefix;
    private final String ackEvent;
    private final IntelMapping intel;
    private final SightingMapping sightings;
    private final Clock clock;
    private final ZeekIntake intake = new ZeekIntake();
    private final Map<String, ZeekSubscriber> subscribers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ZeekSession(Bus bus, String namespace, Clock clock) {
        this.bus = bus;
        this.namespacePrefix = namespace + "::";
        this.ackEvent = namespace + "::subscription_acknowledged";
        this.intel = new IntelMapping(namespace);
        this.sightings = new SightingMapping(clock);
        this.clock = clock;
    }

    /** The topics this endpoint subscribes at its peers. */
    static List<String> topics() {
        return List.of(MANAGEMENT_TOPIC, SIGHTING_TOPIC);
    }

    @Override
    public void peerAdded(BrokerPeer peer) {
        LOG.info("Zeek peer {} at {} peered", peer.id(), peer.remoteAddress());
    }

    @Override
    public void peerLost(BrokerPeer peer, String reason) {
        int ended = 0;
        for (ZeekSubscriber subscriber : subscribers.values()) {
            if (subscriber.peer() == peer && subscribers.remove(subscriber.p2p(), subscriber)) {
                subscriber.close();
                ended++;
            }
        }
        LOG.info("Zeek peer {} at {} is gone ({}); {} subscription(s) ended", peer.id(), peer.remoteAddress(),
                reason, ended);
    }

    @Override
    public void dataReceived(BrokerPeer peer, String topic, byte[] payload) {
        intake.received();
        ZeekEvent event;
        try {
            event = ZeekEvent.fromData(BrokerDataCodec.decode(payload));
        } catch (BrokerDataException e) {
            intake.rejected(Rejection.UNDECODABLE, peer.remoteAddress(), "on " + topic + ": " + e.getMessage());
            return;
        }
        String name = event.name().startsWith(namespacePrefix)
                ? event.name().substring(namespacePrefix.length()) : event.name();
        try {
            if (topic.equals(MANAGEMENT_TOPIC) && name.equals("subscribe")) {
                subscribe(peer, event);
            } else if (topic.equals(MANAGEMENT_TOPIC) && name.equals("unsubscribe")) {
                unsubscribe(peer, event);
            } else if (topic.startsWith(SIGHTING_TOPIC) && name.equals("sighting")) {
                publish(sightings.toSighting(event));
            } else {
                intake.ignored(event.name(), topic);
            }
        } catch (InvalidEventException e) {
            Rejection rejection = name.equals("sighting") && e.getMessage().contains("not a valid STIX")
                    ? Rejection.INVALID_SIGHTING : Rejection.WRONG_ARGUMENTS;
            intake.rejected(rejection, peer.remoteAddress(), e.getMessage());
        }
    }

    private void subscribe(BrokerPeer peer, ZeekEvent event) throws InvalidEventException {
        EventArguments args = EventArguments.of(event, "topic", "snapshot_intel");
        String topic = args.get(0, "topic", BrokerData.Str.class).value();
        Duration snapshot = args.get(1, "snapshot_intel", BrokerData.Timespan.class).toDuration();
        if (topic.isEmpty()) {
            throw new InvalidEventException(event.name() + ": the topic is empty");
        }
        int p2pBytes = topic.getBytes(StandardCharsets.UTF_8).length + P2P_LETTERS;
        if (p2pBytes > MAX_TOPIC_BYTES) {
            // Broker could never send on the p2p topic: every intel would fail
            throw new InvalidEventException(event.name() + ": the topic is too long for a Broker p2p topic ("
                    + p2pBytes + " bytes with the " + P2P_LETTERS + " letters, at most " + MAX_TOPIC_BYTES + ")");
        }
        if (snapshot.isNegative()) {
            LOG.warn("Zeek peer {} asked for a snapshot of a negative interval ({}); subscribing without one",
                    peer.remoteAddress(), snapshot);
            snapshot = Duration.ZERO;
        }
        String p2p = topic + P2pTopics.randomLetters(P2P_LETTERS);
        ZeekSubscriber subscriber = new ZeekSubscriber(peer, topic, p2p, intel, clock);
        try {
            // intel waits in the outbox until Zeek subscribed the p2p topic, so subscribing first loses nothing
            subscriber.subscription(bus.subscribe(List.of(topic), snapshot, subscriber));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(event.name() + ": " + e.getMessage());
        }
        ZeekEvent ack = ZeekEvent.of(ackEvent, clock.instant(), BrokerData.str(p2p));
        String notSent;
        try {
            SendResult result = peer.send(MANAGEMENT_TOPIC, BrokerDataCodec.encode(ack.toData()));
            notSent = result == SendResult.QUEUED ? null : result.toString();
        } catch (IllegalArgumentException e) {
            // the acknowledgement repeats the topic and is longer than the request: it can exceed the frame limit
            notSent = e.getMessage();
        }
        if (notSent != null) {
            // without the acknowledgement Zeek never subscribes the p2p topic, and nobody would end the subscription
            subscriber.close();
            intake.rejected(Rejection.ACK_NOT_SENT, peer.remoteAddress(), "subscribe to " + abbreviate(topic) + ": "
                    + notSent);
            return;
        }
        subscribers.put(p2p, subscriber);
        intake.subscribed();
        LOG.info("Zeek peer {} subscribed to {} (p2p topic {}, snapshot {} s)", peer.remoteAddress(), topic, p2p,
                snapshot.toSeconds());
    }

    private void unsubscribe(BrokerPeer peer, ZeekEvent event) throws InvalidEventException {
        String p2p = EventArguments.of(event, "topic").get(0, "topic", BrokerData.Str.class).value();
        ZeekSubscriber subscriber = subscribers.remove(p2p);
        if (subscriber == null) {
            intake.rejected(Rejection.UNKNOWN_SUBSCRIPTION, peer.remoteAddress(), p2p);
            return;
        }
        subscriber.close();
        intake.unsubscribed();
        LOG.info("Zeek peer {} unsubscribed {}", peer.remoteAddress(), p2p);
    }

    /** Waits for room in the bus: the peer's reader stops, and TCP slows Zeek down, rather than losing it. */
    private void publish(Sighting sighting) {
        if (Publishing.untilAccepted(bus, sighting, () -> !closed, intake::waitedForBus)) {
            intake.sightingPublished();
        }
    }

    private static String abbreviate(String topic) {
        return topic.length() <= 100 ? topic : topic.substring(0, 100) + "... (" + topic.length() + " characters)";
    }

    /** Ends every subscription. */
    void close() {
        closed = true;
        subscribers.values().forEach(ZeekSubscriber::close);
        subscribers.clear();
    }

    Collection<ZeekSubscriber> subscribers() {
        return subscribers.values();
    }

    ZeekIntake intake() {
        return intake;
    }

    /** The live bus subscriptions, for tests and the shell. */
    List<Subscription> subscriptions() {
        return subscribers.values().stream().map(ZeekSubscriber::subscription).toList();
    }
}
