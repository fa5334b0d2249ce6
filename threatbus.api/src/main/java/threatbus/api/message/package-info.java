// SPDX-License-Identifier: BSD-3-Clause
/**
 * The messages that travel on the bus and their JSON wire form.
 *
 * <p>Two STIX 2.1 object types, {@link threatbus.api.message.Indicator} and
 * {@link threatbus.api.message.Sighting}, and two internal types,
 * {@link threatbus.api.message.SnapshotRequest} and {@link threatbus.api.message.SnapshotEnvelope}. All are
 * immutable. {@link threatbus.api.message.MessageCodec} decodes the JSON shapes the original Threat Bus
 * exchanged; {@link threatbus.api.message.Message#json()} encodes a message once and every transport reuses
 * the bytes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package threatbus.api.message;
