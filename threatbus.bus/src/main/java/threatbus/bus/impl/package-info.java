// SPDX-License-Identifier: BSD-3-Clause
/** The bus core; private to the bundle. */
package threatbus.bus.impl;
