// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bus.shell;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import threatbus.api.BusOverloadedException;
import threatbus.api.message.Message;
import threatbus.api.message.MessageCodec;
import threatbus.api.message.MessageFormatException;
import threatbus.api.message.StixObject;
import threatbus.bus.impl.BusCore;
import threatbus.bus.impl.BusSubscription;

/** The {@code threatbus:*} shell commands: inspect the bus, publish, and watch topics live. */
@Component(service = BusCommands.class, immediate = true, property = {
        "osgi.command.scope=threatbus",
        "osgi.command.function=status",
        "osgi.command.function=publish",
        "osgi.command.function=subscribe",
        "osgi.command.function=unsubscribe",
        "osgi.command.function=watch"})
public final class BusCommands {

    static final String OWNER = "shell";
    private static final long DEFAULT_WATCH_SECONDS = 60;

    private final BusCore bus;
    /** Subscriptions made with {@code subscribe}; they end with the shell component. */
    private final Set<BusSubscription> mine = ConcurrentHashMap.newKeySet();

    @Activate
    public BusCommands(@Reference BusCore bus) {
        this.bus = bus;
    }

    @Deactivate
    void deactivate() {
        mine.forEach(BusSubscription::unsubscribe);
    }

    @Descriptor("show backbones, applications, subscriptions, queue depths and message counts")
    public String status() {
        return StatusReport.render(bus.status());
    }

    @Descriptor("decode a JSON message (indicator, sighting, snapshotrequest, snapshotenvelope) and publish it;"
            + " quote it: publish '{\"type\": \"indicator\", ...}'")
    public String publish(@Descriptor("the message as JSON") String... json) {
        String text = String.join(" ", json);
        Message message;
        try {
            message = MessageCodec.decode(text);
        } catch (MessageFormatException e) {
            return "error: not published: " + e.getMessage();
        }
        try {
            bus.publish(message);
        } catch (BusOverloadedException e) {
            return "error: not published: " + e.getMessage();
        }
        return "published " + message.typeName() + describe(message) + " on " + message.topic();
    }

    @Descriptor("print every message on a topic prefix as it arrives, until unsubscribe")
    public String subscribe(CommandSession session, @Descriptor("topic prefix, e.g. stix2/ (\"\" for all)") String topic) {
        PrintStream console = session.getConsole();
        AtomicInteger seen = new AtomicInteger();
        BusSubscription subscription = bus.subscribe(OWNER, List.of(topic), Duration.ZERO, message -> {
            console.println(line(seen.incrementAndGet(), message));
            console.flush();
        });
        mine.add(subscription);
        return "subscribed " + subscription.id() + " to " + quote(topic) + "; stop with threatbus:unsubscribe "
                + subscription.id();
    }

    @Descriptor("end a subscription (any, by the id threatbus:status shows)")
    public String unsubscribe(@Descriptor("subscription id, e.g. s3") String id) {
        return bus.subscription(id).map(subscription -> {
            subscription.unsubscribe();
            mine.remove(subscription);
            return "unsubscribed " + id + " (" + subscription.owner() + ", " + subscription.topics() + ")";
        }).orElse("error: no subscription " + id);
    }

    @Descriptor("print the next message on a topic prefix, then return (waits up to 60 s)")
    public String watch(CommandSession session, @Descriptor("topic prefix") String topic) throws InterruptedException {
        return watch(session, topic, 1, DEFAULT_WATCH_SECONDS);
    }

    @Descriptor("print the next messages on a topic prefix, then return (waits up to 60 s)")
    public String watch(CommandSession session, @Descriptor("topic prefix") String topic,
            @Descriptor("how many messages") int count) throws InterruptedException {
        return watch(session, topic, count, DEFAULT_WATCH_SECONDS);
    }

    @Descriptor("print the next messages on a topic prefix, then return")
    public String watch(CommandSession session, @Descriptor("topic prefix") String topic,
            @Descriptor("how many messages") int count, @Descriptor("at most this many seconds") long seconds)
            throws InterruptedException {
        if (count < 1 || seconds < 1) {
            return "error: count and seconds must be positive";
        }
        PrintStream console = session.getConsole();
        CountDownLatch remaining = new CountDownLatch(count);
        AtomicInteger seen = new AtomicInteger();
        long start = System.nanoTime();
        BusSubscription subscription = bus.subscribe(OWNER, List.of(topic), Duration.ZERO, message -> {
            if (remaining.getCount() > 0) {
                console.println(line(seen.incrementAndGet(), message));
                console.flush();
                remaining.countDown();
            }
        });
        try {
            remaining.await(seconds, TimeUnit.SECONDS);
        } finally {
            subscription.unsubscribe();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return "watched " + Math.min(seen.get(), count) + " of " + count + " message(s) on " + quote(topic) + " in "
                + millis + " ms";
    }

    private static String line(int n, Message message) {
        return "#" + n + " " + message.topic() + " " + message.json();
    }

    private static String describe(Message message) {
        return message instanceof StixObject stix ? " " + stix.id() : "";
    }

    private static String quote(String topic) {
        return topic.isEmpty() ? "\"\" (all topics)" : topic;
    }
}
