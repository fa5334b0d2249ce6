// SPDX-License-Identifier: BSD-3-Clause
/** What the plugins' endpoints share about network addresses ({@link threatbus.api.net.Hosts}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package threatbus.api.net;
