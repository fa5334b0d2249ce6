// SPDX-License-Identifier: BSD-3-Clause
/**
 * Read access to the intel history the store keeps ({@link threatbus.api.history.IntelHistory}), for apps that
 * serve it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package threatbus.api.history;
