#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""A client of the zmq-app protocol written the way the original Threat Bus's wrapper apps are (pyzmq,
json.dumps, one REQ socket per request, SUB on the p2p topic, PUB to the sub port). It runs the protocol's
cases against a server and prints one line per check; the exit code is the number of failed checks.

    python3 zmq_client.py --manage tcp://127.0.0.1:13370
"""
import argparse
import json
import sys
import time
import uuid

import zmq

FAILED = []


def check(name, ok, detail=""):
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + detail), flush=True)
    if not ok:
        FAILED.append(name)


def request(endpoint, payload, raw=None):
    """One request on a fresh REQ socket, as the wrapper apps do; None if no reply within 5 s."""
    socket = zmq.Context.instance().socket(zmq.REQ)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(endpoint)
    if raw is not None:
        socket.send(raw)
    else:
        socket.send_json(payload)
    poller = zmq.Poller()
    poller.register(socket, zmq.POLLIN)
    reply = socket.recv_json() if poller.poll(5000) else None
    socket.close()
    return reply


def indicator(value, pattern=None):
    now = "2022-05-16T12:00:00.123456Z"
    return {"type": "indicator", "spec_version": "2.1", "id": "indicator--" + str(uuid.uuid4()),
            "created": now, "modified": now, "name": "compat " + value,
            "pattern": pattern or "[ipv4-addr:value = '%s']" % value, "pattern_type": "stix",
            "pattern_version": "2.1", "valid_from": now}


def sighting(ref):
    now = "2022-05-16T12:00:01.654321Z"
    return {"type": "sighting", "spec_version": "2.1", "id": "sighting--" + str(uuid.uuid4()), "created": now,
            "modified": now, "sighting_of_ref": ref, "x_threatbus_source": "compat"}


class App:
    """A subscribed app: its p2p topic and a SUB socket on it."""

    def __init__(self, manage, host, topic, snapshot=0):
        self.reply = request(manage, {"action": "subscribe", "topic": topic, "snapshot": snapshot})
        self.p2p = self.reply["topic"]
        self.sub = zmq.Context.instance().socket(zmq.SUB)
        self.sub.connect("tcp://%s:%d" % (host, self.reply["pub_port"]))
        self.sub.setsockopt(zmq.SUBSCRIBE, self.p2p.encode())

    def receive(self, timeout_ms=3000):
        """The next frame as (type, json), or None."""
        if not self.sub.poll(timeout_ms):
            return None
        topic, payload = self.sub.recv().decode().split(" ", 1)
        assert topic.startswith(self.p2p), topic
        return topic[len(self.p2p):], json.loads(payload)

    def drain(self, timeout_ms=500):
        frames = []
        while True:
            frame = self.receive(timeout_ms)
            if frame is None:
                return frames
            frames.append(frame)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--manage", default="tcp://127.0.0.1:13370")
    args = parser.parse_args()
    manage = args.manage
    host = manage.split("//")[1].rsplit(":", 1)[0]

    # management cases (management-protocol-cases.json of the original)
    reply = request(manage, {"action": "subscribe", "topic": "stix2/indicator", "snapshot": 30})
    check("subscribe with snapshot", reply is not None and reply.get("status") == "success"
          and len(reply["topic"]) == 32 and reply["topic"].isalpha() and reply["topic"].islower()
          and list(reply) == ["topic", "pub_port", "sub_port", "status"], str(reply))
    p2p = reply["topic"]
    reply = request(manage, {"action": "subscribe", "topic": ["stix2/indicator", "stix2/sighting"], "snapshot": 0})
    check("subscribe to a list", reply["status"] == "success", str(reply))
    check("subscribe without snapshot",
          request(manage, {"action": "subscribe", "topic": "TOPIC"})["status"] == "success")
    check("heartbeat", request(manage, {"action": "heartbeat", "topic": p2p}) == {"status": "success"})
    check("unsubscribe", request(manage, {"action": "unsubscribe", "topic": p2p}) == {"status": "success"})
    check("heartbeat after unsubscribe", request(manage, {"action": "heartbeat", "topic": p2p}) == {"status": "error"})
    for name, payload, raw, expected in [
        ("unknown action", {"action": "FOO"}, None, "unknown request"),
        ("not JSON", None, b"FOO", "error"),
        ("heartbeat without topic", {"action": "heartbeat"}, None, "unknown request"),
        ("heartbeat of unknown topic", {"action": "heartbeat", "topic": "TOPIC"}, None, "error"),
        ("subscribe without topic", {"action": "subscribe"}, None, "unknown request"),
        ("snapshot not a number", {"action": "subscribe", "topic": "TOPIC", "snapshot": "FOO"}, None, "error"),
        ("unsubscribe without topic", {"action": "unsubscribe"}, None, "unknown request"),
        ("unsubscribe of unknown topic", {"action": "unsubscribe", "topic": "TOPIC"}, None, "error"),
    ]:
        reply = request(manage, payload, raw)
        check(name, reply == {"status": expected}, str(reply))

    # publish and receive (pubsub-frames.json of the original)
    a = App(manage, host, "stix2/indicator")
    b = App(manage, host, ["stix2/indicator", "stix2/sighting"])
    pub = zmq.Context.instance().socket(zmq.PUB)
    pub.connect("tcp://%s:%d" % (host, a.reply["sub_port"]))
    time.sleep(0.5)  # slow joiner: the server must see our connection before we send
    first = indicator("6.6.6.6")
    pub.send(("stix2/indicator " + json.dumps(first)).encode())
    got_a, got_b = a.receive(), b.receive()
    check("indicator reaches a subscriber of stix2/indicator",
          got_a is not None and got_a[0] == "indicator" and got_a[1]["id"] == first["id"], str(got_a))
    check("indicator reaches a list subscriber", got_b is not None and got_b[1]["id"] == first["id"], str(got_b))
    check("indicator comes back unchanged", got_a is not None and got_a[1] == first, str(got_a))
    seen = sighting(first["id"])
    pub.send(("stix2/sighting " + json.dumps(seen)).encode())
    got_b = b.receive()
    check("sighting reaches the list subscriber", got_b is not None and got_b[0] == "sighting"
          and got_b[1] == seen, str(got_b))
    check("sighting does not reach the indicator subscriber", a.receive(500) is None)
    pub.send(("stix2/indicator " + json.dumps(indicator("x", "this is not a pattern"))).encode())
    pub.send(b"stix2/indicator hello")
    pub.send(b"no-space-here")
    last = indicator("7.7.7.7")
    pub.send(("stix2/indicator " + json.dumps(last)).encode())
    frames = a.drain()
    check("invalid frames are dropped and the next valid one arrives",
          [f[1]["id"] for f in frames] == [last["id"]], str(frames))
    b.drain()

    # snapshots: a new subscriber's request is relayed to the others, an answer reaches only the requester
    c = App(manage, host, "stix2/indicator", snapshot=30)
    request_a, request_b = a.receive(), b.receive()
    check("snapshot request relayed to the other apps", request_a is not None and request_a[0] == "snapshotrequest"
          and request_a[1]["snapshot_type"] == 1 and request_a[1]["snapshot"] == 30 * 86400
          and request_b is not None and request_b[0] == "snapshotrequest", "%s %s" % (request_a, request_b))
    check("the requester does not get its own request", c.receive(500) is None)
    historic = indicator("8.8.8.8")
    envelope = {"type": "snapshotenvelope", "snapshot_type": 1, "snapshot_id": request_a[1]["snapshot_id"],
                "body": historic}
    pub.send(("threatbus/snapshotenvelope " + json.dumps(envelope)).encode())
    got_c = c.receive()
    check("snapshot item reaches the requester unwrapped", got_c is not None and got_c[0] == "indicator"
          and got_c[1] == historic, str(got_c))
    check("snapshot item does not reach the others", a.receive(500) is None)

    for app in (a, b, c):
        check("unsubscribe " + app.p2p, request(manage, {"action": "unsubscribe", "topic": app.p2p})
              == {"status": "success"})
    return len(FAILED)


if __name__ == "__main__":
    sys.exit(main())
