#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Runs the benchmark table of BENCHMARKS.md on this machine and prints one JSON line per measured run.
#
#   threatbus.bench/scripts/run-benchmarks.sh [bus|rabbitmq|amqp|relay] [java options for the bus...]
#
# bus:   starts threatbus.dist/target/threatbus.jar headless (default options: -Xmx128m) with
#        outbox.overflow = BLOCK (lossless backpressure instead of dropping the oldest for a subscriber that
#        falls 10 000 messages behind), warms it up with five unmeasured bursts (the JIT needs a few hundred
#        thousand messages), then measures
# rabbitmq: the same as bus, with the RabbitMQ backbone plugin (default settings) on a throwaway RabbitMQ node
#        (Debian's rabbitmq-server, own node name, ports and data under the work directory)
# amqp:  the RabbitMQ client's own publish -> consume ceiling on such a node, with the backbone's settings
# relay: the same runs against the bare JeroMQ relay of the load generator, the ceiling for a zmq bus
# STORE=off in the environment turns the store off (it is on by default).
# Build first: mvn -B -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:-bus}
shift || true
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(-Xmx128m)
bench=(java -jar threatbus.bench/target/threatbus-bench.jar)
workdir=$(mktemp -d)
rabbit=
server=
trap '[ -z "$server" ] || kill $server 2>/dev/null || true; [ -z "$rabbit" ] || kill -KILL -- -"$rabbit" 2>/dev/null || true; rm -rf "$workdir"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# a throwaway RabbitMQ node in its own process group, as the tests start it (RabbitNode)
start_rabbitmq() {
    local dir="$workdir/rabbit"
    mkdir -p "$dir"
    echo '[].' > "$dir/enabled_plugins"
    : > "$dir/rabbitmq-env.conf"
    rabbit_port=$(free_port)
    (cd "$dir" && HOME="$dir" RABBITMQ_NODENAME="threatbus-bench-$$@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT="$rabbit_port" RABBITMQ_DIST_PORT="$(free_port)" RABBITMQ_MNESIA_BASE="$dir/mnesia" \
        RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_CONFIG_FILE="$dir/rabbitmq" RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
        RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
        RABBITMQ_PLUGINS_EXPAND_DIR="$dir/plugins-expand" \
        exec setsid /usr/lib/rabbitmq/bin/rabbitmq-server < /dev/null > "$dir/console.log" 2>&1) &
    rabbit=$!
    for _ in $(seq 1 600); do
        grep -q "Starting broker... completed" "$dir/console.log" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "RabbitMQ did not start:" >&2; tail -20 "$dir/console.log" >&2; exit 1
}

if [ "$target" = amqp ]; then
    start_rabbitmq
    for _ in 1 2; do "${bench[@]}" amqp --port "$rabbit_port" --messages 100000 > /dev/null; done
    for _ in 1 2 3; do "${bench[@]}" amqp --port "$rabbit_port" --messages 100000 | tail -1; done
    exit 0
fi

if [ "$target" = relay ]; then
    "${bench[@]}" relay > "$workdir/relay.log" 2>&1 &
else
    mkdir -p "$workdir/etc"
    echo "outbox.overflow = BLOCK" > "$workdir/etc/threatbus.bus.cfg"
    # STORE=off measures the bus without the store (on by default, it writes every indicator to disk)
    [ "${STORE:-on}" = on ] || echo "enabled = false" > "$workdir/etc/threatbus.store.cfg"
    if [ "$target" = rabbitmq ]; then
        start_rabbitmq
        mkdir -p "$workdir/plugins"
        cp threatbus.backbone.rabbitmq/target/threatbus.backbone.rabbitmq-*.jar "$workdir/plugins/"
        printf 'host = 127.0.0.1\nport = %s\n' "$rabbit_port" > "$workdir/etc/threatbus.backbone.rabbitmq.cfg"
    fi
    (cd "$workdir" && exec java "${options[@]}" -Dgosh.args=--nointeractive -jar "$OLDPWD/threatbus.dist/target/threatbus.jar" \
        < /dev/null > "$workdir/bus.log" 2>&1) &
fi
server=$!
if [ "$target" = rabbitmq ]; then
    for _ in $(seq 1 300); do grep -q "Connected to RabbitMQ" "$workdir/bus.log" 2>/dev/null && break; sleep 0.1; done
    grep -q "Connected to RabbitMQ" "$workdir/bus.log" || { echo "the bus did not connect to RabbitMQ" >&2; exit 1; }
fi
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
