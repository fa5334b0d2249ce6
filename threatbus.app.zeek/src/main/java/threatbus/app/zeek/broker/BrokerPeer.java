// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One established peering (phase 3). Reads on the thread that ran the handshake, writes on its own thread from
 * a bounded queue. Answers pings as Broker's core does, tracks the peer's filter from the handshake and every
 * routing update, ignores data-store commands, and hands data to the {@link PeerHandler}.
 */
public final class BrokerPeer {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerPeer.class);
    private static final byte[] BYE = "BYE".getBytes(StandardCharsets.US_ASCII);
    /** A BYE ping carries "BYE" and an 8-byte token ({@code peering::make_bye_token}). */
    private static final int BYE_SIZE = 11;

    private final EndpointId self;
    private final EndpointId id;
    private final String remoteAddress;
    private final Transport transport;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final PeerHandler handler;
    private final OutboundQueue queue;
    private final int maxFrameBytes;
    private final ScheduledExecutorService timer;
    private final Duration byeGrace;
    private final Consumer<BrokerPeer> onClosed;
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private volatile Set<String> filter;
    private volatile boolean byeReceived;

    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesOut = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong dataIn = new AtomicLong();
    private final AtomicLong dataOut = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final AtomicLong pongs = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong misaddressed = new AtomicLong();

    BrokerPeer(EndpointId self, EndpointId id, Collection<String> filter, String remoteAddress, Transport transport,
            FrameReader reader, FrameWriter writer, PeerHandler handler, int queueCapacity, int maxFrameBytes,
            ScheduledExecutorService timer, Duration byeGrace, Consumer<BrokerPeer> onClosed) {
        this.self = self;
        this.id = id;
        this.filter = Set.copyOf(filter);
        this.remoteAddress = remoteAddress;
        this.transport = transport;
        this.reader = reader;
        this.writer = writer;
        this.handler = handler;
        this.queue = new OutboundQueue(queueCapacity);
        this.maxFrameBytes = maxFrameBytes;
        this.timer = timer;
        this.byeGrace = byeGrace;
        this.onClosed = onClosed;
    }

    /** The peer's endpoint ID. */
    public EndpointId id() {
        return id;
    }

    /** Host and port the peer connected from. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** The peer's current subscriptions (topic prefixes). */
    public Set<String> filter() {
        return filter;
    }

    /** Whether the peer subscribed to {@code topic}: some filter entry is a string prefix of it, as in Broker. */
    public boolean wants(String topic) {
        return Filter.matches(filter, topic);
    }

    /**
     * Queues a data message without blocking.
     *
     * @param payload one encoded {@code broker::data} value
     * @throws IllegalArgumentException for a reserved topic ({@code <$>...}), a topic over 65535 bytes, or a
     *         message larger than the frame limit
     */
    public SendResult send(String topic, byte[] payload) {
        if (topic.startsWith(Envelope.INTERNAL_TOPIC)) {
            throw new IllegalArgumentException("topic is reserved for Broker: " + topic);
        }
        if (closeReason.get() != null || byeReceived) {
            return SendResult.CLOSED;
        }
        if (!wants(topic)) {
            return SendResult.NOT_SUBSCRIBED;
        }
        byte[] frame = Envelope.data(self, topic, payload).encode();
        if (frame.length > maxFrameBytes) {
            throw new IllegalArgumentException("message of " + frame.length + " bytes exceeds the frame limit");
        }
        return queue.offerData(frame);
    }

    /** Whether the peering has ended or is ending. */
    public boolean isClosed() {
        return closeReason.get() != null;
    }

    public PeerStats stats() {
        return new PeerStats(framesIn.get(), framesOut.get(), bytesIn.get(), bytesOut.get(), dataIn.get(),
                dataOut.get(), pings.get(), pongs.get(), commands.get(), malformed.get(), misaddressed.get(),
                queue.size());
    }

    /** Ends the peering at once; queued messages are dropped. {@link PeerHandler#peerLost} follows. */
    public void close() {
        close("closed locally");
    }

    @Override
    public String toString() {
        return "BrokerPeer[" + id + " at " + remoteAddress + "]";
    }

    void close(String reason) {
        if (closeReason.compareAndSet(null, reason)) {
            queue.close();
            transport.close();
        }
    }

    /** Sends our complete filter; used when our subscriptions change. */
    void sendRoutingUpdate(List<String> ourFilter) {
        if (!queue.offerControl(Envelope.routingUpdate(self, id, ourFilter).encode(), false)) {
            close("too many unsent protocol messages");
        }
    }

    /** Starts the writer and reads until the peering ends; runs on the handshake's thread. */
    void run() {
        Thread writerThread = new Thread(this::writeLoop, "broker-peer-writer-" + id);
        writerThread.setDaemon(true);
        writerThread.start();
        String reason = "connection closed by peer";
        try {
            safely(() -> handler.peerAdded(this));
            reason = readLoop();
        } catch (BrokerProtocolException e) {
            reason = "protocol error: " + e.getMessage();
        } catch (IOException e) {
            reason = "read failed: " + e.getMessage();
        } finally {
            close(reason);
            onClosed.accept(this);
            String finalReason = closeReason.get();
            LOG.info("Broker peer {} at {} lost: {}", id, remoteAddress, finalReason);
            safely(() -> handler.peerLost(this, finalReason));
        }
    }

    private String readLoop() throws IOException, BrokerProtocolException {
        while (true) {
            byte[] frame = reader.read();
            if (frame == null) {
                return byeReceived ? "unpeered by peer" : "connection closed by peer";
            }
            framesIn.incrementAndGet();
            bytesIn.addAndGet(4L + frame.length);
            Envelope envelope;
            try {
                envelope = Envelope.decode(frame);
            } catch (BrokerProtocolException e) {
                // Broker's peering logs and skips envelopes it cannot deserialize.
                malformed.incrementAndGet();
                LOG.debug("Skipping malformed envelope from {}: {}", id, e.getMessage());
                continue;
            }
            dispatch(envelope);
        }
    }

    private void dispatch(Envelope envelope) {
        switch (envelope.type()) {
            case DATA -> {
                EndpointId receiver = envelope.receiver();
                if (receiver.isNil() || receiver.equals(self)) {
                    dataIn.incrementAndGet();
                    safely(() -> handler.dataReceived(this, envelope.topic(), envelope.payload()));
                } else {
                    misaddressed.incrementAndGet();
                }
            }
            case ROUTING_UPDATE -> {
                try {
                    filter = Set.copyOf(Filter.decode(envelope.payload()));
                    LOG.debug("Broker peer {} changed its filter to {}", id, filter);
                } catch (BrokerProtocolException e) {
                    malformed.incrementAndGet();
                }
            }
            case PING -> answer(envelope);
            case PONG -> pongs.incrementAndGet();
            case COMMAND -> commands.incrementAndGet();
        }
    }

    private void answer(Envelope ping) {
        boolean bye = isBye(ping.payload());
        if (!queue.offerControl(Envelope.pongFor(ping, self).encode(), bye)) {
            close("too many unanswered pings");
            return;
        }
        pings.incrementAndGet();
        if (bye) {
            // The peer unpeers: it closes once it has our pong. Refuse new data from here on.
            byeReceived = true;
        }
    }

    private static boolean isBye(byte[] payload) {
        return payload.length == BYE_SIZE && payload[0] == BYE[0] && payload[1] == BYE[1] && payload[2] == BYE[2];
    }

    private void writeLoop() {
        try {
            OutboundQueue.Item item;
            while ((item = queue.take()) != null) {
                writer.write(item.frame());
                framesOut.incrementAndGet();
                bytesOut.addAndGet(4L + item.frame().length);
                if (item.data()) {
                    dataOut.incrementAndGet();
                }
                if (item.last()) {
                    writer.flush();
                    finishAfterBye();
                    return;
                }
                if (queue.isEmpty()) {
                    writer.flush();
                }
            }
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close("writer interrupted");
        }
    }

    /** After our pong to a BYE: half-close where possible, and close for good if the peer lingers. */
    private void finishAfterBye() {
        transport.shutdownOutput();
        try {
            timer.schedule(() -> close("unpeered by peer"), byeGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            close("unpeered by peer");
        }
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Peer handler failed for Broker peer {}", id, e);
        }
    }
}
