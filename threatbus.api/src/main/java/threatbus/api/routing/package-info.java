// SPDX-License-Identifier: BSD-3-Clause
/** Topic-prefix routing, written once and used by every backbone, and the point-to-point topics apps hand out. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package threatbus.api.routing;
