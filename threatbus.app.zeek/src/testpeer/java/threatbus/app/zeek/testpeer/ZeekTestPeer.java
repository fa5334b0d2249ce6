// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek.testpeer;

import static threatbus.app.zeek.testpeer.RawWire.*;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A stand-in for Zeek's {@code Broker::peer}: connects, sends {@code hello} and follows Broker's connector
 * state machine ({@code await_hello_or_version_select}) into whichever role the IDs give it. Afterwards a
 * reader thread answers pings (as Broker's core does) and queues everything else for the test.
 */
public final class ZeekTestPeer implements Closeable {

    /** How to connect: plain, or a JSSE client socket factory. */
    static {
        // JSSE refuses anonymous suites unless the test JVM's policy allows them
        AnonymousTlsPolicy.relax();
    }

    public interface Dialer {
        Socket dial(int port) throws IOException;
    }

    public static final Dialer PLAIN = port -> {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return s;
    };

    /** Zeek's default: TLS 1.2 with anonymous ECDH, over JSSE (relaxes the test JVM's policy, see AnonymousTlsPolicy). */
    public static final Dialer ANONYMOUS_TLS = port -> {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.2");
            context.init(null, null, null);
            return tls(context, port, new String[] {"TLS_ECDH_anon_WITH_AES_256_CBC_SHA"});
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    };

    public static Dialer tlsWith(SSLContext context) {
        return port -> tls(context, port, null);
    }

    private static Socket tls(SSLContext context, int port, String[] suites) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        if (suites != null) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(suites);
        }
        s.setSoTimeout(10_000);
        s.startHandshake();
        return s;
    }

    /** The smallest and largest IDs, to force either originator order against a random endpoint ID. */
    public static byte[] smallId() {
        byte[] id = new byte[16];
        id[15] = 1;
        return id;
    }

    public static byte[] largeId() {
        byte[] id = new byte[16];
        Arrays.fill(id, (byte) 0xFF);
        return id;
    }

    public final byte[] id;
    public final Socket socket;
    public final DataInputStream in;
    public final DataOutputStream out;
    public byte[] endpointId;
    public List<String> endpointFilter;
    public boolean originated;
    public int probes;
    public final BlockingQueue<Op> received = new LinkedBlockingQueue<>();
    public final CountDownLatch closed = new CountDownLatch(1);
    public volatile int pingsAnswered;
    /** Released by {@link #close()}: a paused reader waits for it. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean paused;

    private ZeekTestPeer(byte[] id, Socket socket) throws IOException {
        this.id = id;
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /** Opens a connection without any handshake, for tests that send raw bytes. */
    public static ZeekTestPeer raw(Dialer dialer, int port, byte[] id) throws IOException {
        Socket s = dialer.dial(port);
        s.setSoTimeout(10_000);
        return new ZeekTestPeer(id, s);
    }

    /** Connects and completes Broker's handshake announcing {@code filter}; then starts reading. */
    public static ZeekTestPeer peer(Dialer dialer, int port, byte[] id, List<String> filter) throws IOException {
        ZeekTestPeer p = raw(dialer, port, id);
        try {
            p.handshake(filter);
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
        p.startReader();
        return p;
    }

    private void handshake(List<String> filter) throws IOException {
        writeFrame(out, hello(id, 1, 1));
        while (true) {
            Hs m = parseHs(readFrame(in));
            check(m.tag() != DROP_CONN, "endpoint dropped the connection: code " + m.v1() + " " + m.text());
            if (m.tag() == PROBE) {
                check(m.magic() == MAGIC, "probe magic");
                probes++;
            } else if (m.tag() == HELLO) {
                // The endpoint has the larger ID and answered with its own hello: we originate.
                check(m.magic() == MAGIC && m.v1() == 1 && m.v2() == 1, "hello fields");
                endpointId = m.sender();
                check(Arrays.compareUnsigned(id, endpointId) < 0, "endpoint with smaller ID sent hello");
                writeFrame(out, versionSelect(id));
                writeFrame(out, filterMessage(ORIGINATOR_SYN, filter));
                Hs ack = parseHs(readFrame(in));
                check(ack.tag() == RESPONDER_SYN_ACK, "expected responder_syn_ack, got " + ack.tag());
                endpointFilter = ack.filter();
                writeFrame(out, new byte[] {ORIGINATOR_ACK});
                originated = true;
                return;
            } else if (m.tag() == VERSION_SELECT) {
                // The endpoint has the smaller ID and originates.
                check(m.magic() == MAGIC && m.v1() == 1, "version_select fields");
                endpointId = m.sender();
                check(Arrays.compareUnsigned(endpointId, id) < 0, "endpoint with larger ID originated");
                Hs syn = parseHs(readFrame(in));
                check(syn.tag() == ORIGINATOR_SYN, "expected originator_syn, got " + syn.tag());
                endpointFilter = syn.filter();
                writeFrame(out, filterMessage(RESPONDER_SYN_ACK, filter));
                Hs ack = parseHs(readFrame(in));
                check(ack.tag() == ORIGINATOR_ACK, "expected originator_ack, got " + ack.tag());
                return;
            } else {
                throw new IOException("unexpected handshake message " + m.tag());
            }
        }
    }

    private void startReader() {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    if (paused) {
                        // a Zeek that stops reading: the endpoint's frames pile up in the socket buffers
                        closing.await();
                    }
                    Op op = parseOp(readFrame(in));
                    if (op.type() == PING) {
                        send(op(id, op.sender(), PONG, op.topic(), op.payload()));
                        pingsAnswered++;
                    } else {
                        received.add(op);
                    }
                }
            } catch (IOException e) {
                // End of the peering.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closed.countDown();
            }
        }, "test-peer-reader");
        t.setDaemon(true);
        t.start();
    }

    /** Stops reading from the socket after the frame being read, like a Zeek that hangs, until closed. */
    public void pauseReading() {
        paused = true;
    }

    public synchronized void send(byte[] frame) throws IOException {
        writeFrame(out, frame);
    }

    /** Tells the endpoint our new filter, as Zeek does after {@code Broker::subscribe}. */
    public void subscribe(List<String> topics) throws IOException {
        send(op(id, endpointId, ROUTING_UPDATE, "<$>", filter(topics)));
    }

    public void publish(String topic, byte[] payload) throws IOException {
        send(op(id, new byte[16], DATA, topic, payload));
    }

    public void ping(byte[] payload) throws IOException {
        send(op(id, endpointId, PING, "<$>", payload));
    }

    /** The next message of {@code type}, skipping others; fails after the timeout. */
    public Op next(int type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Op op = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (op == null) {
                throw new AssertionError("no message of type " + type + " within " + timeout);
            }
            if (op.type() == type) {
                return op;
            }
        }
    }

    /** Unpeers like Broker: a BYE ping ("BYE" + 8-byte token), then close once the matching pong is in. */
    public void bye(Duration timeout) throws IOException, InterruptedException {
        byte[] token = ByteBuffer.allocate(11).put("BYE".getBytes(StandardCharsets.US_ASCII)).putLong(42).array();
        ping(token);
        Op pong = next(PONG, timeout);
        check(Arrays.equals(pong.payload(), token), "BYE pong payload");
        close();
    }

    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        closing.countDown();
    }

    private static void check(boolean ok, String what) throws IOException {
        if (!ok) {
            throw new IOException("handshake check failed: " + what);
        }
    }
}
