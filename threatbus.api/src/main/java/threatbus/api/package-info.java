// SPDX-License-Identifier: BSD-3-Clause
/**
 * The Threat Bus service contracts: the {@link threatbus.api.Bus} that applications publish to and subscribe
 * through, and the whiteboard services plugins register: {@link threatbus.api.Application} and
 * {@link threatbus.api.Backbone}.
 *
 * <p>Plugins implement consumer types and should import this package with {@code version="[1.1,2.0)"};
 * the bus implements the provider types and imports {@code version="[1.1,1.2)"}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package threatbus.api;
