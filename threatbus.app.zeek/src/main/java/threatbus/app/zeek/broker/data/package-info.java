// SPDX-License-Identifier: BSD-3-Clause
/** Broker's data model ({@code broker::data}), its binary encoding and the Zeek event layout. Private to this bundle. */
package threatbus.app.zeek.broker.data;
