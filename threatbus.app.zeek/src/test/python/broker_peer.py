#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""A foreign Broker peer that connects the way Zeek's ``Broker::peer`` does.

It speaks Broker's native peering protocol v1 (handshake phases 1 and 2, then phase-3 envelopes) over plain
TCP or over TLS set up exactly like Broker's connector without certificates (``ssl_context_from_cfg``):
OpenSSL with minimum TLS 1.2, no peer verification, group P-384 and the cipher list
``AECDH-AES256-SHA@SECLEVEL=0``. Standard library only.

It runs one scripted scenario against a listening endpoint and prints one JSON object per step on stdout:

    connect, tls (TLS only), hello, handshake, routing_update, data_sent, data_received, pong, bye, closed, done

Exit status: 0 on success, 1 if the endpoint misbehaved or a step failed (the last line on stdout is then an
``error`` step, and the message is also written to stderr), 2 for bad arguments, 3 if this Python's OpenSSL
cannot offer the anonymous cipher (see ``--self-check``).
"""

import argparse
import json
import os
import socket
import ssl
import struct
import sys

MAGIC = 0x5A45454B  # 'ZEEK'
PROTOCOL_VERSION = 1
DEFAULT_TTL = 16
INTERNAL_TOPIC = "<$>"
NIL_ID = bytes(16)

# p2p_message_type: phase-3 envelope types, then the handshake messages.
DATA, COMMAND, ROUTING_UPDATE, PING, PONG = 1, 2, 3, 4, 5
HELLO, PROBE, VERSION_SELECT, DROP_CONN, ORIGINATOR_SYN, RESPONDER_SYN_ACK, ORIGINATOR_ACK = range(6, 13)
NAMES = {
    DATA: "data", COMMAND: "command", ROUTING_UPDATE: "routing_update", PING: "ping", PONG: "pong",
    HELLO: "hello", PROBE: "probe", VERSION_SELECT: "version_select", DROP_CONN: "drop_conn",
    ORIGINATOR_SYN: "originator_syn", RESPONDER_SYN_ACK: "responder_syn_ack", ORIGINATOR_ACK: "originator_ack",
}

# What Broker's connector configures for unauthenticated TLS.
BROKER_CIPHERS = "AECDH-AES256-SHA@SECLEVEL=0"
BROKER_CIPHER = "AECDH-AES256-SHA"
BROKER_CURVE = "secp384r1"  # "P-384" in SSL_CTX_set1_groups_list


class PeerError(Exception):
    """The endpoint did something a Broker peer would not accept, or a step did not complete."""


def emit(step, **fields):
    print(json.dumps(dict(step=step, **fields), sort_keys=True), flush=True)


# -- TLS ----------------------------------------------------------------------------------------------------------

def broker_tls_context():
    """An OpenSSL client context equivalent to Broker's ssl_context_from_cfg without certificates.

    Broker: caf::net::ssl::context::make(tls::v1_2) = SSL_CTX_new(TLS_method()) with SSL_OP_NO_SSLv3 and
    SSL_CTX_set_min_proto_version(TLS1_2_VERSION) (no maximum), then SSL_VERIFY_NONE,
    SSL_CTX_set1_groups_list("P-384") and SSL_CTX_set_cipher_list("AECDH-AES256-SHA@SECLEVEL=0"). No SNI.
    """
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.set_ciphers(BROKER_CIPHERS)
    ctx.set_ecdh_curve(BROKER_CURVE)
    # Python adds SSL_OP_ALL workarounds (among them the ClientHello padding extension) and server cipher
    # preference; Broker keeps OpenSSL's defaults (no compression, middlebox compatibility) plus no SSLv3.
    wanted = ssl.OP_NO_COMPRESSION | ssl.OP_ENABLE_MIDDLEBOX_COMPAT | ssl.OP_NO_SSLv3
    ctx.options = ssl.Options(wanted)
    return ctx


def self_check():
    """Exit 0 if this Python's OpenSSL can offer Broker's anonymous suite, 3 if not."""
    try:
        names = [c["name"] for c in broker_tls_context().get_ciphers()]
    except (ssl.SSLError, ValueError, AttributeError) as e:
        names, problem = [], str(e)
    else:
        problem = None
    ok = BROKER_CIPHER in names
    emit("self_check", ok=ok, openssl=ssl.OPENSSL_VERSION, python=sys.version.split()[0], ciphers=names,
         problem=problem)
    return 0 if ok else 3


# -- framing and encodings ----------------------------------------------------------------------------------------

def recv_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise PeerError(f"connection closed by the endpoint after {len(buf)} of {n} bytes")
        buf.extend(chunk)
    return bytes(buf)


def read_frame(sock):
    (length,) = struct.unpack("!I", recv_exact(sock, 4))
    if length == 0:
        raise PeerError("frame of length 0")
    return recv_exact(sock, length)


def write_frame(sock, payload):
    sock.sendall(struct.pack("!I", len(payload)) + payload)


def varbyte(n):
    out = bytearray()
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def read_varbyte(buf, pos):
    value, shift = 0, 0
    for i in range(5):
        if pos >= len(buf):
            raise PeerError("varbyte runs past the end")
        b = buf[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, pos
    raise PeerError("varbyte longer than 5 bytes")


def encode_filter(topics):
    out = bytearray(varbyte(len(topics)))
    for t in topics:
        b = t.encode("utf-8")
        out += varbyte(len(b)) + b
    return bytes(out)


def decode_filter(buf, pos=0):
    count, pos = read_varbyte(buf, pos)
    topics = []
    for _ in range(count):
        length, pos = read_varbyte(buf, pos)
        if pos + length > len(buf):
            raise PeerError("filter topic runs past the end")
        topics.append(buf[pos:pos + length].decode("utf-8"))
        pos += length
    if pos != len(buf):
        raise PeerError(f"{len(buf) - pos} trailing bytes after filter")
    return topics


# -- handshake (phases 1 and 2) -----------------------------------------------------------------------------------

def send_hs(sock, tag, body=b""):
    write_frame(sock, bytes([tag]) + body)


def read_hs(sock):
    """Reads one handshake message; returns (tag, body). Probes are returned too, the caller skips them."""
    frame = read_frame(sock)
    tag, body = frame[0], frame[1:]
    if tag not in (HELLO, PROBE, VERSION_SELECT, DROP_CONN, ORIGINATOR_SYN, RESPONDER_SYN_ACK, ORIGINATOR_ACK):
        raise PeerError(f"unexpected message type {tag} during the handshake")
    if tag in (HELLO, PROBE, VERSION_SELECT, DROP_CONN):
        if len(body) < 4 or struct.unpack("!I", body[:4])[0] != MAGIC:
            raise PeerError(f"{NAMES[tag]} with a wrong magic number")
    if tag == DROP_CONN:
        code = body[20] if len(body) > 20 else None
        text = ""
        if len(body) > 21:
            n, pos = read_varbyte(body, 21)
            text = body[pos:pos + n].decode("utf-8", "replace")
        raise PeerError(f"endpoint dropped the connection: code {code}: {text}")
    return tag, body


def read_hs_skipping_probes(sock, counters):
    while True:
        tag, body = read_hs(sock)
        if tag != PROBE:
            return tag, body
        # A probe is ignored in every state; it only exists to provoke early errors.
        if len(body) != 4:
            raise PeerError("probe of the wrong size")
        counters["probes"] += 1


def expect(tag, want):
    if tag != want:
        raise PeerError(f"expected {NAMES[want]}, got {NAMES.get(tag, tag)}")


def handshake(sock, my_id, my_filter):
    """Broker's connector after connect(): hello, then await_hello_or_version_select."""
    counters = {"probes": 0}
    send_hs(sock, HELLO, struct.pack("!I16sBB", MAGIC, my_id, PROTOCOL_VERSION, PROTOCOL_VERSION))
    emit("hello", id=my_id.hex())
    tag, body = read_hs_skipping_probes(sock, counters)
    if tag == HELLO:
        # The endpoint answers with its own hello: we have the smaller ID and originate.
        if len(body) != 22:
            raise PeerError(f"hello of {len(body)} bytes")
        _, endpoint_id, vmin, vmax = struct.unpack("!I16sBB", body)
        if not vmin <= PROTOCOL_VERSION <= vmax:
            raise PeerError(f"endpoint speaks versions {vmin}..{vmax}, not {PROTOCOL_VERSION}")
        if not my_id < endpoint_id:  # memcmp order, as Broker compares IDs
            raise PeerError("endpoint sent hello although its ID is the smaller one")
        send_hs(sock, VERSION_SELECT, struct.pack("!I16sB", MAGIC, my_id, PROTOCOL_VERSION))
        send_hs(sock, ORIGINATOR_SYN, encode_filter(my_filter))
        tag, body = read_hs_skipping_probes(sock, counters)
        expect(tag, RESPONDER_SYN_ACK)
        endpoint_filter = decode_filter(body)
        send_hs(sock, ORIGINATOR_ACK)
        originator = "peer"
    elif tag == VERSION_SELECT:
        # The endpoint has the smaller ID and originates.
        if len(body) != 21:
            raise PeerError(f"version_select of {len(body)} bytes")
        _, endpoint_id, version = struct.unpack("!I16sB", body)
        if version != PROTOCOL_VERSION:
            raise PeerError(f"endpoint selected version {version}")
        if not endpoint_id < my_id:
            raise PeerError("endpoint sent version_select although our ID is the smaller one")
        tag, body = read_hs_skipping_probes(sock, counters)
        expect(tag, ORIGINATOR_SYN)
        endpoint_filter = decode_filter(body)
        send_hs(sock, RESPONDER_SYN_ACK, encode_filter(my_filter))
        tag, body = read_hs_skipping_probes(sock, counters)
        expect(tag, ORIGINATOR_ACK)
        if body:
            raise PeerError("originator_ack with a body")
        originator = "endpoint"
    else:
        raise PeerError(f"expected hello or version_select, got {NAMES[tag]}")
    emit("handshake", originator=originator, endpoint_id=endpoint_id.hex(), endpoint_filter=endpoint_filter,
         probes=counters["probes"])
    return endpoint_id, endpoint_filter


# -- phase 3 ------------------------------------------------------------------------------------------------------

def send_envelope(sock, sender, receiver, tag, topic, payload):
    t = topic.encode("utf-8")
    write_frame(sock, sender + receiver + struct.pack("!BHH", tag, DEFAULT_TTL, len(t)) + t + payload)


def read_envelope(sock):
    frame = read_frame(sock)
    if len(frame) < 37:
        raise PeerError(f"envelope of {len(frame)} bytes is shorter than its header")
    sender, receiver = frame[:16], frame[16:32]
    tag, ttl, topic_len = struct.unpack("!BHH", frame[32:37])
    if tag not in (DATA, COMMAND, ROUTING_UPDATE, PING, PONG):
        raise PeerError(f"invalid envelope type {tag}")
    if 37 + topic_len > len(frame):
        raise PeerError("topic runs past the end of the envelope")
    topic = frame[37:37 + topic_len].decode("utf-8")
    return dict(type=tag, sender=sender, receiver=receiver, ttl=ttl, topic=topic, payload=frame[37 + topic_len:])


class Session:
    def __init__(self, sock, my_id, endpoint_id):
        self.sock, self.my_id, self.endpoint_id = sock, my_id, endpoint_id
        self.endpoint_filter = None

    def next_of(self, wanted):
        """Reads envelopes until one of type ``wanted``; meanwhile answers pings as Broker's core does."""
        while True:
            env = read_envelope(self.sock)
            if env["type"] == wanted:
                return env
            if env["type"] == PING:
                send_envelope(self.sock, self.my_id, env["sender"], PONG, env["topic"], env["payload"])
                emit("ping_answered", payload_hex=env["payload"].hex())
            elif env["type"] == ROUTING_UPDATE:
                self.endpoint_filter = decode_filter(env["payload"])
                emit("endpoint_routing_update", filter=self.endpoint_filter)
            else:
                emit("unexpected", type=NAMES[env["type"]], topic=env["topic"], payload_hex=env["payload"].hex())

    def ping(self, payload):
        send_envelope(self.sock, self.my_id, self.endpoint_id, PING, INTERNAL_TOPIC, payload)
        pong = self.next_of(PONG)
        if pong["payload"] != payload:
            raise PeerError(f"pong carries {pong['payload'].hex()}, the ping carried {payload.hex()}")
        if pong["sender"] != self.endpoint_id or pong["receiver"] != self.my_id:
            raise PeerError("pong is not addressed from the endpoint to us")
        if pong["topic"] != INTERNAL_TOPIC:
            raise PeerError(f"pong on topic {pong['topic']!r}")
        return pong


def run(args):
    my_id = bytes.fromhex(args.id)
    publish_payload = bytes.fromhex(args.publish_hex)
    sock = socket.create_connection((args.host, args.port), timeout=args.timeout)
    sock.settimeout(args.timeout)
    emit("connect", host=args.host, port=args.port, tls=args.tls)
    if args.tls:
        # Like Broker: no server name, so no SNI.
        sock = broker_tls_context().wrap_socket(sock, server_hostname=None)
        name, protocol, bits = sock.cipher()
        emit("tls", version=sock.version(), cipher=name, cipher_protocol=protocol, bits=bits,
             openssl=ssl.OPENSSL_VERSION)
    try:
        endpoint_id, endpoint_filter = handshake(sock, my_id, args.filter)
        session = Session(sock, my_id, endpoint_id)
        session.endpoint_filter = endpoint_filter

        # Zeek subscribes to one more topic after peering: a routing update with the complete new filter.
        new_filter = list(args.filter) + [args.add_topic]
        send_envelope(sock, my_id, endpoint_id, ROUTING_UPDATE, INTERNAL_TOPIC, encode_filter(new_filter))
        emit("routing_update", filter=new_filter)

        if not any(args.publish_topic.startswith(p) for p in endpoint_filter):
            raise PeerError(f"the endpoint did not subscribe to {args.publish_topic!r}: {endpoint_filter}")
        send_envelope(sock, my_id, NIL_ID, DATA, args.publish_topic, publish_payload)
        emit("data_sent", topic=args.publish_topic, payload_hex=publish_payload.hex())

        data = session.next_of(DATA)
        emit("data_received", topic=data["topic"], payload_hex=data["payload"].hex(), sender=data["sender"].hex(),
             receiver=data["receiver"].hex(), ttl=data["ttl"])
        if data["sender"] != endpoint_id:
            raise PeerError("data envelope from an unknown sender")
        if args.expect_topic is not None and data["topic"] != args.expect_topic:
            raise PeerError(f"data arrived on {data['topic']!r}, expected {args.expect_topic!r}")
        if args.expect_hex is not None and data["payload"] != bytes.fromhex(args.expect_hex):
            raise PeerError("data payload differs from the expected bytes")

        ping_payload = os.urandom(16)
        session.ping(ping_payload)
        emit("pong", payload_hex=ping_payload.hex())

        # Unpeering as Broker does it: a BYE ping ("BYE" + 8-byte token); close once its pong is in.
        bye = b"BYE" + os.urandom(8)
        session.ping(bye)
        emit("bye", payload_hex=bye.hex())
    except socket.timeout as e:
        raise PeerError(f"timed out after {args.timeout}s waiting for the endpoint") from e

    close_notify = None
    if args.tls:
        # CAF closes a TLS connection with SSL_shutdown (close_notify) before closing the socket.
        try:
            sock = sock.unwrap()
            close_notify = True
        except (ssl.SSLError, OSError):
            close_notify = False
    sock.close()
    emit("closed", close_notify=close_notify)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Broker native peering v1 test peer (Zeek's Broker::peer)")
    parser.add_argument("--self-check", action="store_true",
                        help="only check that OpenSSL offers Broker's anonymous cipher, then exit")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--tls", action="store_true", help="anonymous TLS, as Zeek's default")
    mode.add_argument("--plain", dest="tls", action="store_false", help="plain TCP (Broker::disable_ssl=T)")
    parser.add_argument("--id", help="our endpoint ID, 32 hex digits; its order against the endpoint's decides "
                                     "who originates")
    parser.add_argument("--filter", action="append", help="our subscriptions in the handshake (repeatable); "
                                                          "default threatbus/manage")
    parser.add_argument("--add-topic", default="stix2/indicator", help="topic our routing update adds")
    parser.add_argument("--publish-topic", default="threatbus/manage",
                        help="topic of the data envelope we send; the endpoint must subscribe to it")
    parser.add_argument("--publish-hex", default="0568656c6c6f",
                        help="payload of that envelope (one encoded broker::data value), hex")
    parser.add_argument("--expect-topic", help="fail unless the endpoint's data arrives on this topic")
    parser.add_argument("--expect-hex", help="fail unless the endpoint's data carries exactly these bytes")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for any one step")
    args = parser.parse_args(argv)
    if args.self_check:
        return self_check()
    if args.port is None or args.id is None:
        parser.error("--port and --id are required")
    try:
        if len(bytes.fromhex(args.id)) != 16:
            raise ValueError
        bytes.fromhex(args.publish_hex)
        if args.expect_hex is not None:
            bytes.fromhex(args.expect_hex)
    except ValueError:
        parser.error("--id needs 32 hex digits; --publish-hex and --expect-hex need hex")
    if args.filter is None:
        args.filter = ["threatbus/manage"]
    if args.tls and BROKER_CIPHER not in [c["name"] for c in broker_tls_context().get_ciphers()]:
        message = f"{ssl.OPENSSL_VERSION} does not offer {BROKER_CIPHER}"
        emit("error", message=message)
        print(f"broker_peer: {message}", file=sys.stderr)
        return 3
    try:
        run(args)
    except (PeerError, ssl.SSLError, OSError) as e:
        message = f"{type(e).__name__}: {e}"
        emit("error", message=message)
        print(f"broker_peer: {message}", file=sys.stderr)
        return 1
    emit("done", ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
