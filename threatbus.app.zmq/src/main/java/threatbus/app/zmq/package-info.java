// SPDX-License-Identifier: BSD-3-Clause
/** The zmq application plugin; private to its bundle. */
package threatbus.app.zmq;
