/**
 * Broker's native peering protocol, version 1 (Zeek 5.0 to 9.x): framing, handshake, phase-3 envelopes,
 * peers and transports. Private to this bundle; independent of Threat Bus.
 */
package threatbus.app.zeek.broker;
