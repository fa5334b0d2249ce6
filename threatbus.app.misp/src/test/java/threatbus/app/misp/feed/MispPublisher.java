// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.zeromq.SocketType;
import org.zeromq.ZAuth;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Plays MISP's ZeroMQ publisher (mispzmq.py): binds, sends {@code "<topic> <json>"} frames and, with
 * credentials, requires PLAIN authentication through a ZAP handler as MISP does.
 *
 * <p>It is an XPUB rather than a PUB: the same to the subscriber, but it shows when a subscription has
 * arrived, so tests send once the feed listens instead of sleeping and hoping.
 *
 * <p>Its sockets live in a shadow of the test's context, shared with the feed (see
 * {@link ZmqFeed#sharingContext}); closing it closes only its own sockets.
 */
final class MispPublisher implements AutoCloseable {

    private final ZContext context;
    private final ZMQ.Socket pub;
    private final ZAuth auth;

    MispPublisher(ZContext shared, int port) {
        this(shared, port, null, null, null);
    }

    /** @param passwords a file for the ZAP handler's {@code user=password} lines, or null for none */
    MispPublisher(ZContext shared, int port, String username, String password, Path passwords) {
        context = shared.shadow();
        if (username != null) {
            try {
                Files.writeString(passwords, username + "=" + password + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            auth = new ZAuth(shared); // its actor needs a main context, not a shadow
            auth.configurePlain("*", passwords.toString());
        } else {
            auth = null;
        }
        pub = context.createSocket(SocketType.XPUB);
        pub.setLinger(0);
        pub.setXpubVerbose(true);
        if (username != null) {
            pub.setPlainServer(true);
        }
        bind(port);
    }

    // a restarted MISP binds the same port; the old listener may take a moment to let go of it
    private void bind(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                if (pub.bind("tcp://127.0.0.1:" + port)) {
                    return;
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** @return whether a subscription to {@code misp_json_attribute} arrived within the timeout */
    boolean awaitSubscriber(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            pub.setReceiveTimeOut((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            byte[] subscription = pub.recv(0);
            if (subscription != null && subscription.length > 0 && subscription[0] == 1
                    && new String(subscription, 1, subscription.length - 1, StandardCharsets.UTF_8)
                            .equals(AttributeFrame.TOPIC)) {
                return true;
            }
        }
        return false;
    }

    void send(String frame) {
        pub.send(frame.getBytes(StandardCharsets.UTF_8), 0);
    }

    void sendMultipart(String first, String second) {
        pub.sendMore(first.getBytes(StandardCharsets.UTF_8));
        pub.send(second.getBytes(StandardCharsets.UTF_8), 0);
    }

    @Override
    public void close() {
        if (auth != null) {
            auth.close();
        }
        context.close();
    }
}
