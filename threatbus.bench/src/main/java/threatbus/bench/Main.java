// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar threatbus-bench.jar load|relay [options]}. Exit codes of {@code load}: 0 when
 * nothing was lost or duplicated, 1 otherwise, 2 on a usage or connection error.
 */
public final class Main {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar threatbus-bench.jar load [options]",
            "       java -jar threatbus-bench.jar relay [options]",
            "       java -jar threatbus-bench.jar amqp [options]",
            "       java -jar threatbus-bench.jar jmh [JMH options]",
            "",
            "load: drive a Threat Bus zmq-app endpoint as K subscribers and P publishers would",
            "  --manage tcp://HOST:PORT   manage endpoint (tcp://127.0.0.1:13370)",
            "  --subscribers K            subscriptions, one thread each (1)",
            "  --publishers P             publishers, each sending its share of N (1)",
            "  --messages N               measured messages (100000)",
            "  --rate R                   total messages per second, 0 = burst (0)",
            "  --size B                   JSON size in bytes, padded with a description (500)",
            "  --topic T                  topic to publish and subscribe to (stix2/indicator)",
            "  --timeout S                give up after S s without progress, or without warm-up (10)",
            "  --pid PID                  server process to sample for CPU and peak RSS",
            "  --json                     also print one JSON line with every figure",
            "  --manage-timeout S         wait for a manage reply (5)",
            "  --io-threads N             ZeroMQ I/O threads of the client (2)",
            "  exit code: 0 nothing lost or duplicated, 1 otherwise, 2 usage or connection error",
            "",
            "relay: a bare JeroMQ relay of the same protocol, the ceiling for any zmq-based bus",
            "  --host H                   address to bind (127.0.0.1)",
            "  --manage PORT --pub PORT --sub PORT   (13370, 13371, 13372)",
            "  --hwm N                    high water mark of the relay's sockets (1000000)",
            "",
            "amqp: the RabbitMQ client's own publish -> consume ceiling with the RabbitMQ backbone's settings",
            "  (fanout exchange, durable lazy queue, persistent messages, confirms, manual acks)",
            "  --host H --port P           the broker (127.0.0.1, 5672)",
            "  --messages N               (100000)",
            "  --size B                   message size in bytes (500)",
            "  --window W                 unconfirmed messages at most, as confirm.window (1000)",
            "  --prefetch F               as the backbone's prefetch (500)",
            "",
            "jmh: the JMH micro-benchmarks of the bus's hot paths (codec, STIX patterns, routing);",
            "  options are JMH's, e.g. -f 1 -wi 3 -i 5 CodecBenchmark");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        if (!"jmh".equals(args[0]) && (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h"))) {
            out.println(USAGE);
            return 0;
        }
        try {
            switch (args[0]) {
                case "load":
                    return load(LoadConfig.parse(args, 1), out, err);
                case "relay":
                    return relay(RelayConfig.parse(args, 1), out);
                case "amqp":
                    return AmqpCeiling.run(args, out);
                case "jmh":
                    org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
                    return 0;
                default:
                    throw new UsageException("unknown mode '" + args[0] + "' (load, relay, amqp or jmh)");
            }
        } catch (UsageException e) {
            err.println("tbbench: " + e.getMessage() + " (--help for usage)");
            return 2;
        } catch (BenchException e) {
            err.println("tbbench: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("tbbench: interrupted");
            return 2;
        } catch (java.io.IOException e) {
            err.println("tbbench: JMH failed: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // ZeroMQ's own failures (a socket that cannot be created, a context gone): still one line
            err.println("tbbench: " + e);
            return 2;
        }
    }

    private static int load(LoadConfig config, PrintStream out, PrintStream err)
            throws BenchException, InterruptedException {
        LoadRun run = new LoadRun(config, err);
        // on Ctrl-C, still unsubscribe: the main thread does that while this hook waits for it
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            run.abort();
            try {
                main.join(TimeUnit.SECONDS.toMillis(config.manageTimeout().toSeconds() + 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        LoadResult result;
        try {
            result = run.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: let it see this thread end
            }
        }
        out.print(Report.human(result));
        if (config.json()) {
            out.println(Report.json(result));
        }
        out.flush();
        return result.clean() ? 0 : 1;
    }

    /** Runs the relay on this thread until SIGTERM or Ctrl-C. */
    private static int relay(RelayConfig config, PrintStream out) throws BenchException, InterruptedException {
        Relay relay = new Relay(config);
        Thread loop = new Thread(relay, "tbbench-relay");
        loop.start();
        relay.awaitReady();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            relay.stop();
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.println("tbbench relay: stopped; " + relay.summary());
            out.flush();
        }));
        out.printf("tbbench relay: ready on %s, manage %d, pub %d, sub %d%n", config.host(), relay.managePort(),
                relay.pubPort(), relay.subPort());
        out.flush();
        loop.join();
        return 0;
    }
}
