// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.broker;

import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import threatbus.app.zeek.broker.BrokerProtocolException.Kind;
import threatbus.app.zeek.broker.HandshakeMessage.DropConn;
import threatbus.app.zeek.broker.HandshakeMessage.Hello;
import threatbus.app.zeek.broker.HandshakeMessage.OriginatorAck;
import threatbus.app.zeek.broker.HandshakeMessage.OriginatorSyn;
import threatbus.app.zeek.broker.HandshakeMessage.Probe;
import threatbus.app.zeek.broker.HandshakeMessage.ResponderSynAck;
import threatbus.app.zeek.broker.HandshakeMessage.VersionSelect;

/**
 * Broker's handshake on an accepted connection, as {@code connect_state} runs it from {@code await_hello}:
 * send {@code probe}, read the connector's {@code hello}, then the endpoint with the smaller ID (unsigned
 * bytes) originates phase 2. Blocking; the caller bounds it with a timeout by closing the socket.
 *
 * <pre>
 * we are smaller (originator):  -> probe  <- hello  -> version_select, originator_syn  <- responder_syn_ack
 *                               -> originator_ack
 * they are smaller (responder): -> probe  <- hello  -> hello  <- version_select  <- originator_syn
 *                               -> responder_syn_ack  <- originator_ack
 * </pre>
 *
 * Failures are thrown with the {@code drop_conn} code Broker sends in that case, if any; sending it is the
 * caller's business.
 */
final class AcceptorHandshake {

    /** The outcome: who the peer is, its filter, and the filter we announced. */
    record Result(EndpointId remoteId, List<String> remoteFilter, List<String> announcedFilter,
            boolean weOriginated) {
    }

    private final EndpointId self;
    private final FrameReader in;
    private final FrameWriter out;
    private final Supplier<List<String>> filter;
    private final Predicate<EndpointId> claim;
    private EndpointId claimed;

    /**
     * @param filter our current filter, read when it is sent
     * @param claim reserves a peer ID for this connection; false if a peering with it exists or is under way
     */
    AcceptorHandshake(EndpointId self, FrameReader in, FrameWriter out, Supplier<List<String>> filter,
            Predicate<EndpointId> claim) {
        this.self = self;
        this.in = in;
        this.out = out;
        this.filter = filter;
        this.claim = claim;
    }

    /** The ID this handshake reserved, if it got that far; the caller releases it if the peering fails. */
    EndpointId claimed() {
        return claimed;
    }

    Result run() throws IOException, BrokerProtocolException {
        send(new Probe());
        out.flush();
        Hello hello = (Hello) await(Hello.class, true);
        if (self.compareTo(hello.sender()) < 0) {
            claimOrThrow(hello.sender(), BrokerError.REDUNDANT_CONNECTION, "redundant connection");
            List<String> announced = filter.get();
            send(new VersionSelect(self));
            send(new OriginatorSyn(announced));
            out.flush();
            ResponderSynAck ack = (ResponderSynAck) await(ResponderSynAck.class, false);
            send(new OriginatorAck());
            out.flush();
            return new Result(hello.sender(), ack.filter(), announced, true);
        }
        send(new Hello(self));
        out.flush();
        VersionSelect select = (VersionSelect) await(VersionSelect.class, true);
        // Broker's responder answers a redundant connection with logic_error (proceed_with_handshake).
        claimOrThrow(select.sender(), BrokerError.LOGIC_ERROR, "detected redundant connection at the responder");
        OriginatorSyn syn = (OriginatorSyn) await(OriginatorSyn.class, false);
        List<String> announced = filter.get();
        send(new ResponderSynAck(announced));
        out.flush();
        await(OriginatorAck.class, false);
        return new Result(select.sender(), syn.filter(), announced, false);
    }

    private void claimOrThrow(EndpointId id, BrokerError code, String description) throws BrokerProtocolException {
        if (!claim.test(id)) {
            throw new BrokerProtocolException(Kind.REDUNDANT_CONNECTION, description + " to " + id, code);
        }
        claimed = id;
    }

    /**
     * Reads until a message of the wanted type. Like Broker, the states that wait for {@code hello} or
     * {@code version_select} skip probes; every other unexpected message ends the handshake without a
     * {@code drop_conn}.
     */
    private HandshakeMessage await(Class<? extends HandshakeMessage> wanted, boolean skipProbes)
            throws IOException, BrokerProtocolException {
        while (true) {
            byte[] frame = in.read();
            if (frame == null) {
                throw new EOFException("connection closed during the handshake");
            }
            HandshakeMessage message = HandshakeCodec.decode(frame);
            if (wanted.isInstance(message)) {
                return message;
            }
            if (skipProbes && message instanceof Probe) {
                continue;
            }
            if (message instanceof DropConn drop) {
                throw new BrokerProtocolException(Kind.DROPPED_BY_REMOTE,
                        "peer dropped the connection: " + drop.code() + " " + drop.description());
            }
            throw new BrokerProtocolException(Kind.UNEXPECTED_MESSAGE, "expected " + wanted.getSimpleName()
                    + ", got " + message.getClass().getSimpleName());
        }
    }

    private void send(HandshakeMessage message) throws IOException {
        out.write(HandshakeCodec.encode(message));
    }
}
