// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.zeromq.ZContext;

/**
 * One run of the load generator: subscribe K times, connect P publishers, warm up, send N
 * messages, wait for the last delivery (or for the timeout of no progress), unsubscribe.
 */
final class LoadRun {
    /** How long no warm-up message may arrive before the measured run starts. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final LoadConfig config;
    private final PrintStream log;
    private volatile boolean aborted;

    /** @param log where progress lines go (stderr from the command line) */
    LoadRun(LoadConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    /** Ends the run early (Ctrl-C): {@link #run} then throws, after unsubscribing. */
    void abort() {
        aborted = true;
    }

    LoadResult run() throws BenchException, InterruptedException {
        try (ZContext context = new ZContext(config.ioThreads())) {
            ManageClient manage = new ManageClient(context, config.manage(), config.manageTimeout());
            List<ManageClient.Subscription> subscriptions = new ArrayList<>();
            try {
                for (int k = 0; k < config.subscribers(); k++) {
                    subscriptions.add(manage.subscribe(config.topic()));
                }
                // after subscribing, so that an absent server is reported at once
                long started = System.nanoTime();
                int warm = JitWarmup.run(context, config.topic(), config.size());
                log.printf("tbbench: client warmed up locally with %d messages in %.2f s%n", warm,
                        seconds(System.nanoTime() - started));
                return measure(context, subscriptions);
            } finally {
                for (ManageClient.Subscription s : subscriptions) {
                    unsubscribe(manage, s.p2p());
                }
            }
        }
    }

    private void unsubscribe(ManageClient manage, String p2p) {
        try {
            if (!manage.unsubscribe(p2p)) {
                log.println("tbbench: warning: unsubscribe of " + p2p + " was refused");
            }
        } catch (BenchException e) {
            log.println("tbbench: warning: unsubscribe of " + p2p + ": " + e.getMessage());
        }
    }

    private LoadResult measure(ZContext context, List<ManageClient.Subscription> subscriptions)
            throws BenchException, InterruptedException {
        SeqRanges ranges = new SeqRanges(config.messages(), config.publishers());
        List<Receiver> receivers = new ArrayList<>();
        List<Publisher> publishers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Phases phases = new Phases();
        boolean completed = false;
        try {
            for (ManageClient.Subscription s : subscriptions) {
                Receiver r = new Receiver(context, config.manage().withPort(s.pubPort()), s.p2p(), ranges);
                receivers.add(r);
                threads.add(start(r, "tbbench-sub-" + receivers.size()));
            }
            for (Receiver r : receivers) {
                r.awaitConnected();
            }
            // every reply names the same sub port; the first one is as good as any
            Endpoint sub = config.manage().withPort(subscriptions.get(0).subPort());
            double ratePerPublisher = config.rate() / config.publishers();
            for (int p = 0; p < config.publishers(); p++) {
                Publisher pub = new Publisher(context, sub, p, ranges, config.topic(), config.size(),
                        ratePerPublisher, phases);
                publishers.add(pub);
                threads.add(start(pub, "tbbench-pub-" + p));
            }
            for (Publisher p : publishers) {
                p.awaitConnected();
            }
            checkFailures(receivers, publishers);

            warmUp(receivers, phases);
            Usage before = Usage.sample(config.pid());
            phases.start();
            awaitCompletion(receivers, publishers);
            Usage after = Usage.sample(config.pid());
            completed = true;
            phases.over();
            stopAndJoin(receivers, threads);
            checkFailures(receivers, publishers);
            return LoadResult.of(config, receivers, publishers, before, after);
        } finally {
            if (!completed) {
                phases.abort();
                stopAndJoin(receivers, threads);
            }
        }
    }

    /**
     * Sends warm-up messages until every subscriber got one from every publisher, then waits until
     * they stopped arriving: ZeroMQ drops what a PUB sends before the subscription reached it.
     */
    private void warmUp(List<Receiver> receivers, Phases phases) throws BenchException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + config.timeout().toNanos();
        while (!receivers.stream().allMatch(Receiver::warmedUp)) {
            checkAborted();
            if (System.nanoTime() - deadline > 0) {
                throw new BenchException("no warm-up message came back within " + seconds(config.timeout().toNanos())
                        + " s: does " + config.manage() + " relay '" + config.topic() + "' to subscribers?");
            }
            Thread.sleep(5);
        }
        phases.endWarmup();
        long ended = System.nanoTime();
        while (true) {
            long last = ended;
            for (Receiver r : receivers) {
                last = Math.max(last, r.lastWarmupNanos());
            }
            long quiet = System.nanoTime() - last;
            if (quiet >= QUIET_NANOS) {
                break;
            }
            if (System.nanoTime() - ended > config.timeout().toNanos()) {
                log.println("tbbench: warning: warm-up messages still arriving; starting anyway");
                break;
            }
            TimeUnit.NANOSECONDS.sleep(QUIET_NANOS - quiet);
        }
        log.printf("tbbench: warmed up in %.2f s%n", seconds(System.nanoTime() - started));
    }

    /** Waits until every subscriber has every message, or until nothing moved for the timeout. */
    private void awaitCompletion(List<Receiver> receivers, List<Publisher> publishers)
            throws BenchException, InterruptedException {
        long expected = (long) config.messages() * receivers.size();
        long lastTotal = -1;
        long lastMove = System.nanoTime();
        long nextProgress = lastMove + PROGRESS_EVERY_NANOS;
        while (true) {
            checkAborted();
            long distinct = 0;
            long total = 0;
            for (Receiver r : receivers) {
                distinct += r.stats().distinct();
                total += r.stats().received();
            }
            boolean sendersDone = true;
            for (Publisher p : publishers) {
                total += p.sent();
                sendersDone &= p.isDone();
            }
            long now = System.nanoTime();
            if (distinct == expected && sendersDone) {
                return;
            }
            if (total != lastTotal) {
                lastTotal = total;
                lastMove = now;
            } else if (now - lastMove > config.timeout().toNanos()) {
                log.printf("tbbench: no progress for %.1f s; giving up on the missing deliveries%n",
                        seconds(now - lastMove));
                return;
            }
            if (now - nextProgress > 0) {
                nextProgress = now + PROGRESS_EVERY_NANOS;
                log.printf("tbbench: sent %d/%d, delivered %d/%d%n", publishers.stream().mapToLong(Publisher::sent).sum(),
                        config.messages(), distinct, expected);
            }
            Thread.sleep(5);
        }
    }

    private void checkAborted() throws BenchException {
        if (aborted) {
            throw new BenchException("aborted");
        }
    }

    private static Thread start(Runnable task, String name) {
        Thread t = new Thread(task, name);
        // a thread stuck in ZeroMQ must not keep the JVM alive
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void stopAndJoin(List<Receiver> receivers, List<Thread> threads) throws InterruptedException {
        receivers.forEach(Receiver::stop);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private static void checkFailures(List<Receiver> receivers, List<Publisher> publishers) throws BenchException {
        for (Receiver r : receivers) {
            if (r.failure() != null) {
                throw new BenchException("subscriber " + r.p2p() + " failed: " + r.failure());
            }
        }
        for (Publisher p : publishers) {
            if (p.failure() != null) {
                throw new BenchException("publisher failed: " + p.failure());
            }
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
