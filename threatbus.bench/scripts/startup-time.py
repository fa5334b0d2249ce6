#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Measures how long a Threat Bus takes from process start to a zmq management endpoint that answers.

    python3 startup-time.py [--manage tcp://127.0.0.1:13370] [--runs 5] -- java -jar threatbus.jar

Starts the command (with stdin closed), sends a heartbeat every 10 ms on a fresh REQ socket until a reply
comes, prints the time, stops the process with SIGTERM, and repeats. Needs pyzmq.
"""
import argparse
import os
import signal
import subprocess
import sys
import time

import zmq


def once(command, manage):
    start = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, preexec_fn=os.setsid)
    context = zmq.Context.instance()
    try:
        while time.monotonic() - start < 60:
            socket = context.socket(zmq.REQ)
            socket.setsockopt(zmq.LINGER, 0)
            socket.connect(manage)
            socket.send(b'{"action": "heartbeat", "topic": "startup-probe"}')
            answered = socket.poll(10)
            socket.close()
            if answered:
                return time.monotonic() - start
        raise SystemExit("no answer within 60 s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--manage", default="tcp://127.0.0.1:13370")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    times = [once(command, args.manage) for _ in range(args.runs)]
    for t in times:
        print("ready after %.3f s" % t)
    times.sort()
    print("median %.3f s, min %.3f s, max %.3f s" % (times[len(times) // 2], times[0], times[-1]))


if __name__ == "__main__":
    sys.exit(main())
