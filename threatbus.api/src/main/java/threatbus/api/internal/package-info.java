// SPDX-License-Identifier: BSD-3-Clause
/** Implementation details of the API bundle; not exported. */
package threatbus.api.internal;
