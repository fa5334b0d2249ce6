// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import threatbus.api.routing.TopicTable;

/** Prefix routing of one message to K subscriptions, as every backbone does it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBenchmark {

    @Param({"1", "10", "100"})
    public int subscriptions;

    private final TopicTable<Integer> table = new TopicTable<>();

    @Setup
    public void setUp() {
        for (int i = 0; i < subscriptions; i++) {
            table.add(i % 2 == 0 ? "stix2/indicator" : "stix2/", i);
        }
        table.add("threatbus/snapshotrequest", -1);
    }

    @Benchmark
    public void routeIndicator(Blackhole sink) {
        table.route("stix2/indicator", sink::consume);
    }
}
