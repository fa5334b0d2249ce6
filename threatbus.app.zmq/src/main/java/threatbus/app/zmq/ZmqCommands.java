// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zeromq.ZMQ;

import threatbus.api.Subscription;
import threatbus.app.zmq.Intake.Rejection;

/** {@code threatbus:zmq}: the zmq app's endpoints, connected apps and intake counters. */
@Component(service = ZmqCommands.class, property = {"osgi.command.scope=threatbus", "osgi.command.function=zmq",
        "osgi.command.function=zmqkeys"})
public final class ZmqCommands {

    @Reference
    private ZmqApp app;

    @Descriptor("show the zmq app: endpoints, subscribed apps, what apps sent and what was rejected")
    public String zmq() {
        ZmqEndpoint endpoint = app.endpoint();
        ZmqSettings settings = endpoint.settings();
        StringBuilder out = new StringBuilder();
        out.append("Endpoints on ").append(settings.host()).append(": manage ").append(settings.managePort())
                .append(", pub ").append(settings.pubPort()).append(", sub ").append(settings.subPort())
                .append("; heartbeat timeout ")
                .append(settings.heartbeatTimeout().isZero() ? "off" : settings.heartbeatTimeout().getSeconds() + " s")
                .append('\n');
        long[] authentications = endpoint.authentications();
        out.append("Security: ").append(settings.security().describe());
        if (settings.security().mechanism() != ZmqSecurity.Mechanism.NULL) {
            out.append("; ").append(authentications[0]).append(" handshakes admitted, ").append(authentications[1])
                    .append(" refused");
        }
        out.append('\n');

        out.append("\nApps\n");
        String format = "  %-32s  %-6s  %-13s  %9s  %7s  %7s  %12s  %s%n";
        out.append(String.format(format, "P2P TOPIC", "SUB", "STATE", "SENT", "WAITS", "DROPPED", "HEARTBEAT", "TOPICS"));
        endpoint.clients().all().stream().sorted(Comparator.comparing(Client::p2p)).forEach(client -> {
            Subscription subscription = client.subscription();
            out.append(String.format(format, client.p2p(), subscription == null ? "-" : subscription.id(),
                    client.state().name().toLowerCase().replace('_', ' '), client.sent(), client.waits(),
                    subscription == null ? 0 : subscription.dropped(),
                    TimeUnit.NANOSECONDS.toSeconds(client.silentNanos()) + " s ago", client.topics()));
        });
        if (endpoint.clients().all().isEmpty()) {
            out.append("  (none)\n");
        }
        out.append("  ").append(endpoint.clients().expired()).append(" expired for missing heartbeats; snapshot "
                + "requests relayed ").append(endpoint.clients().requestsRelayed()).append(", not relayed (app not "
                + "ready) ").append(endpoint.clients().requestsNotRelayed()).append('\n');

        Intake intake = endpoint.intake();
        out.append("\nFrom apps (sub port): ").append(endpoint.connections()).append(" connections, ")
                .append(endpoint.disconnections()).append(" closed; ").append(intake.receivedCount())
                .append(" frames received, ").append(intake.publishedCount()).append(" published, ")
                .append(intake.waitedForBusCount()).append(" waited for room in the bus\n");
        for (Rejection rejection : Rejection.values()) {
            out.append(String.format("  %-14s %9d  %s%n", rejection.name().toLowerCase(),
                    intake.rejectedCount(rejection), rejection.description));
        }
        return out.toString();
    }

    @Descriptor("make a new CURVE key pair (Z85): the secret for curve.secret_key or a client, the public for the other side")
    public String zmqkeys() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "public " + ZMQ.Curve.z85Encode(ZmqSecurity.publicKey(secret)) + "\nsecret "
                + ZMQ.Curve.z85Encode(secret) + "\n";
    }
}
