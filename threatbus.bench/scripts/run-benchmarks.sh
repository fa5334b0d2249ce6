#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Runs the benchmark table of BENCHMARKS.md on this machine and prints one JSON line per measured run.
#
#   threatbus.bench/scripts/run-benchmarks.sh [bus|relay] [java options for the bus...]
#
# bus:   starts threatbus.dist/target/threatbus.jar headless (default options: -Xmx128m) with
#        outbox.overflow = BLOCK (lossless backpressure instead of dropping the oldest for a subscriber that
#        falls 10 000 messages behind), warms it up with five unmeasured bursts (the JIT needs a few hundred
#        thousand messages), then measures
# relay: the same runs against the bare JeroMQ relay of the load generator, the ceiling for a zmq bus
# Build first: mvn -B -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:-bus}
shift || true
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(-Xmx128m)
bench=(java -jar threatbus.bench/target/threatbus-bench.jar)
workdir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$workdir"' EXIT

if [ "$target" = relay ]; then
    "${bench[@]}" relay > "$workdir/relay.log" 2>&1 &
else
    mkdir -p "$workdir/etc"
    echo "outbox.overflow = BLOCK" > "$workdir/etc/threatbus.bus.cfg"
    (cd "$workdir" && exec java "${options[@]}" -Dgosh.args=--nointeractive -jar "$OLDPWD/threatbus.dist/target/threatbus.jar" \
        < /dev/null > "$workdir/bus.log" 2>&1) &
fi
server=$!
for _ in $(seq 1 100); do
    "${bench[@]}" load --messages 10 --timeout 2 > /dev/null 2>&1 && break
    sleep 0.2
done
for _ in 1 2 3 4 5; do
    "${bench[@]}" load --messages 100000 --subscribers 10 --pid "$server" > /dev/null 2>&1 || true
done

run() {
    echo "# $*" >&2
    "${bench[@]}" load --pid "$server" --json "$@" | tail -1 || true
}
for _ in 1 2 3; do run --messages 100000 --subscribers 1; done
for _ in 1 2 3; do run --messages 100000 --subscribers 10; done
run --messages 30000 --rate 1000
run --messages 100000 --rate 10000
