// SPDX-License-Identifier: BSD-3-Clause
/**
 * STIX 2.1 patterning: a parser for the whole language (from the specification's grammar) and the
 * point-IoC helpers consumers such as the Zeek intel mapping rely on.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package threatbus.api.stix;
