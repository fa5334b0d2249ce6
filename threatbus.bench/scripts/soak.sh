#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Soak run: the bus (threatbus.dist/target/threatbus.jar, headless, -Xmx128m -XX:+UseSerialGC as in the systemd
# unit) carries indicators at a steady rate for a long time while zmq subscribers join and leave: every minute
# the load generator starts over with a different number of subscribers (1..5), whose subscriptions end when
# it stops. After each minute the bus's heap after a full GC (jcmd) and its thread count (/proc) are sampled.
# Growth of either over the run is a leak; the summary says so and the exit code is 1.
#
#   threatbus.bench/scripts/soak.sh [MINUTES] [RATE]      (default 30 minutes at 5000 indicators/s)
#
# Build first: mvn -B -q install -DskipTests. Prints one CSV line per minute, then the verdict.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-30}
rate=${2:-5000}
bench=(java -jar threatbus.bench/target/threatbus-bench.jar)
workdir=$(mktemp -d)
server=
trap '[ -z "$server" ] || kill $server 2>/dev/null || true; rm -rf "$workdir"' EXIT

(cd "$workdir" && exec java -Xmx128m -XX:+UseSerialGC -Dgosh.args=--nointeractive \
    -jar "$OLDPWD/threatbus.dist/target/threatbus.jar" < /dev/null > "$workdir/bus.log" 2>&1) &
server=$!
for _ in $(seq 1 100); do
    "${bench[@]}" load --messages 10 --timeout 2 > /dev/null 2>&1 && break
    sleep 0.2
done

heap_kib() {
    jcmd "$server" GC.run > /dev/null
    # "def new generation total 4928K, used 123K ..." and "tenured generation total ..., used ..." lines
    jcmd "$server" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); s += v } } END { print s }'
}
threads() { awk '/^Threads:/ { print $2 }' "/proc/$server/status"; }

echo "minute,subscribers,delivered_per_s,lost,heap_after_gc_kib,threads"
# the first cycle of subscriber counts (minutes 1-5) is the baseline: it holds the warmed-up JIT, full
# outboxes and the threads of each number of subscribers; later minutes must not exceed it
declare -A baseline_threads
baseline_heap=0
growth=
for minute in $(seq 1 "$minutes"); do
    subscribers=$(( (minute - 1) % 5 + 1 ))
    result=$("${bench[@]}" load --json --pid "$server" --rate "$rate" --messages $((rate * 60)) \
        --subscribers "$subscribers" 2> /dev/null | tail -1)
    delivered=$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(int(r.get("deliveries_per_s", r.get("throughput", 0))))' "$result" 2>/dev/null || echo "?")
    lost=$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r.get("lost", "?"))' "$result" 2>/dev/null || echo "?")
    heap=$(heap_kib)
    count=$(threads)
    echo "$minute,$subscribers,$delivered,$lost,$heap,$count"
    if [ "$minute" -le 5 ]; then
        baseline_threads[$subscribers]=$count
        [ "$heap" -le "$baseline_heap" ] || baseline_heap=$heap
    else
        # 8 MiB of heap noise allowed; a thread more than the same number of subscribers had is a leak
        [ "$heap" -le $((baseline_heap + 8192)) ] || growth="heap $heap KiB in minute $minute, baseline $baseline_heap KiB"
        [ "$count" -le "${baseline_threads[$subscribers]}" ] || growth="$count threads in minute $minute, baseline ${baseline_threads[$subscribers]}"
    fi
done
if [ "$minutes" -le 5 ]; then
    echo "baseline only: run more than 5 minutes to compare"
elif [ -n "$growth" ]; then
    echo "GROWTH: $growth"
    exit 1
else
    echo "no growth: heap after GC stayed within 8 MiB of the first five minutes' highest ($baseline_heap KiB), threads within each subscriber count's first sample"
fi
