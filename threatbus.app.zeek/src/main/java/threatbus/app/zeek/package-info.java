/** The Zeek app: Threat Bus semantics on top of native Broker peering. Private to this bundle. */
package threatbus.app.zeek;
