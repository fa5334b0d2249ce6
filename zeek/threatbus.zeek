# SPDX-License-Identifier: BSD-3-Clause
#
# Threat Bus for Zeek: receives intel from a Threat Bus and reports sightings of it.
#
#   zeek -i eth0 zeek/threatbus.zeek Tenzir::broker_host=127.0.0.1 Tenzir::broker_port=47761/tcp
#
# Compatible with the original Threat Bus script: the same module, options, record and events, so it works
# with the original Python Threat Bus as well as with Threat Bus for the JVM. Differences:
# - only the Threat Bus peer triggers a subscription (the original subscribed on any new Broker peer,
#   because of a missing pair of braces);
# - a subscription acknowledgement is taken only while waiting for one;
# - the per-second match counter of noisy intel is reset whether or not operations are logged.
# Zeek 5.0 or newer (Broker's native protocol version 1).

@load base/frameworks/broker
@load base/frameworks/cluster
@load base/frameworks/intel
@load base/frameworks/notice
@load base/frameworks/reporter

@load policy/frameworks/intel/seen

module Tenzir;

export {
	## Intel as Threat Bus sends it: one point indicator of compromise.
	type Intelligence: record {
		## When the indicator was created.
		ts: time;
		## The STIX id of the indicator.
		id: string;
		## The name of an Intel::Type, e.g. "ADDR" or "DOMAIN".
		intel_type: string;
		## The value to look for.
		indicator: string;
		## "ADD" or "REMOVE".
		operation: string;
	};

	## Where Threat Bus's Zeek app listens.
	option broker_host = "127.0.0.1" &redef;
	option broker_port = 47761/tcp &redef;

	## Intel from Threat Bus is tagged with this source and URL.
	const tb_intel_tag = "threatbus";

	## Whether matches of Threat Bus intel are reported back as sightings.
	option report_sightings = T &redef;

	## Matches per second above which an item is reported as noisy; 0 turns the check off.
	option noisy_intel_threshold = 100 &redef;

	## Whether intel operations are logged to reporter.log.
	option log_operations = T &redef;

	## The Threat Bus topic to subscribe to.
	option intel_topic = "stix2/indicator" &redef;

	## The Broker topic for sightings.
	option sighting_topic = "stix2/sighting" &redef;

	## The Broker topic for (un)subscriptions.
	option management_topic = "threatbus/manage" &redef;

	## How far back Threat Bus should send existing intel on subscription, e.g. 30 days; 0 sec for none.
	option snapshot_intel: interval = 0 sec &redef;

	## The point-to-point topic Threat Bus assigned to this Zeek; empty while not subscribed.
	global p2p_topic: string = "" &redef;

	## Threat Bus -> Zeek: intel to add or remove.
	global intel: event(item: Intelligence);

	## Zeek -> Threat Bus: a match of Threat Bus intel.
	global sighting: event(ts: time, intel_id: string, context: table[string] of any);

	## Zeek -> Threat Bus: subscribe to a topic, with a snapshot of past intel.
	global subscribe: event(topic: string, snapshot_intel: interval);

	## Threat Bus -> Zeek: the subscription's point-to-point topic.
	global subscription_acknowledged: event(p2p_topic: string);

	## Zeek -> Threat Bus: end a subscription, by its point-to-point topic.
	global unsubscribe: event(topic: string);
}

# Only the manager talks to Threat Bus in a cluster; a standalone Zeek always does.
@if ( ! Cluster::is_enabled() || Cluster::local_node_type() == Cluster::MANAGER )

function is_threatbus(endpoint: Broker::EndpointInfo): bool
	{
	# Broker reports the address of a peering it opened as it was given to Broker::peer
	return endpoint?$network && endpoint$network$address == broker_host
	       && endpoint$network$bound_port == broker_port;
	}

event zeek_init() &priority=1
	{
	if ( log_operations )
		{
		Reporter::info(fmt("subscribing to management topic %s", management_topic));
		Reporter::info(fmt("reporting noisy intel at %d matches/sec", noisy_intel_threshold));
		}
	Broker::subscribe(management_topic);
	}

event zeek_init() &priority=0
	{
	if ( log_operations )
		Reporter::info(fmt("peering to threatbus at %s:%s", broker_host, broker_port));
	Broker::peer(broker_host, broker_port, 5 sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	if ( ! is_threatbus(endpoint) )
		return;
	if ( log_operations )
		Reporter::info("threatbus peered");
	if ( p2p_topic != "" )
		{
		# a new peering gets a new subscription; end the old one
		Broker::publish(management_topic, unsubscribe, p2p_topic);
		Broker::unsubscribe(p2p_topic);
		p2p_topic = "";
		}
	Broker::publish(management_topic, subscribe, intel_topic, snapshot_intel);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	if ( is_threatbus(endpoint) && log_operations )
		Reporter::info("threatbus unpeered");
	}

event subscription_acknowledged(topic: string)
	{
	if ( p2p_topic != "" )
		return;
	p2p_topic = topic;
	Broker::subscribe(p2p_topic);
	if ( log_operations )
		Reporter::info(fmt("subscribed to p2p_topic %s", p2p_topic));
	}

event zeek_done() &priority=1
	{
	if ( p2p_topic == "" )
		return;
	Broker::publish(management_topic, unsubscribe, p2p_topic);
	if ( log_operations )
		Reporter::info(fmt("unsubscribing from p2p_topic %s", p2p_topic));
	}

@endif

# Broker carries no enums between Threat Bus and Zeek: the type travels as its name.
global intel_type_map: table[string] of Intel::Type = {
	["ADDR"] = Intel::ADDR,
	["SUBNET"] = Intel::SUBNET,
	["URL"] = Intel::URL,
	["SOFTWARE"] = Intel::SOFTWARE,
	["EMAIL"] = Intel::EMAIL,
	["DOMAIN"] = Intel::DOMAIN,
	["USER_NAME"] = Intel::USER_NAME,
	["CERT_HASH"] = Intel::CERT_HASH,
	["PUBKEY_HASH"] = Intel::PUBKEY_HASH,
	["FILE_NAME"] = Intel::FILE_NAME,
	["FILE_HASH"] = Intel::FILE_HASH,
};

function to_intel_item(item: Intelligence): Intel::Item
	{
	return [$indicator=item$indicator,
	        $indicator_type=intel_type_map[item$intel_type],
	        $meta=[$source=tb_intel_tag, $desc=item$id, $url=tb_intel_tag]];
	}

event intel(item: Intelligence)
	{
	if ( ! item?$indicator || ! item?$intel_type || item$intel_type !in intel_type_map )
		{
		Reporter::warning(fmt("ignoring unmappable intel item: %s", item));
		return;
		}
	local intel_item = to_intel_item(item);
	if ( log_operations )
		Reporter::info(fmt("%s intel: %s", item$operation, intel_item));
	if ( item$operation == "ADD" )
		Intel::insert(intel_item);
	else if ( item$operation == "REMOVE" )
		Intel::remove(intel_item, T);
	}

# Matches per intel id within the last second, for the noisy flag.
global matches: table[string] of count &default=0 &create_expire=1 sec;

event Intel::match(seen: Intel::Seen, items: set[Intel::Item])
	{
	if ( ! report_sightings )
		return;
	for ( item in items )
		{
		# only intel that came from Threat Bus is reported back
		if ( ! item$meta?$url || item$meta$url != tb_intel_tag )
			next;
		if ( ! item$meta?$desc )
			{
			Reporter::error("skipping threatbus intel item without ID");
			next;
			}
		local intel_id = item$meta$desc;
		local n = ++matches[intel_id];
		local noisy = noisy_intel_threshold != 0 && n > noisy_intel_threshold;
		local context: table[string] of any;
		context["noisy"] = noisy;
		Broker::publish(sighting_topic, sighting, current_time(), intel_id, context);
		if ( log_operations )
			Reporter::info(fmt("sighted threatbus intel with ID %s%s", intel_id, noisy ? " (noisy)" : ""));
		if ( noisy )
			delete matches[intel_id];
		}
	}
