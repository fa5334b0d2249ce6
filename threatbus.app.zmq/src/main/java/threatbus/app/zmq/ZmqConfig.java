// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zmq;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the zmq app, PID {@value ZmqApp#PID}; the keys of the original plus a few of ours. */
@ObjectClassDefinition(name = "Threat Bus zmq app",
        description = "The management (REP), publish (PUB) and subscribe (SUB) endpoints zmq wrapper apps use.")
@interface ZmqConfig {

    @AttributeDefinition(name = "Bind address", description = "Where the three sockets listen; 0.0.0.0 for remote apps.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Management port", description = "REP socket: subscribe, unsubscribe, heartbeat.")
    int manage() default 13370;

    @AttributeDefinition(name = "Publish port", description = "PUB socket: the bus sends to apps here.")
    int pub() default 13371;

    @AttributeDefinition(name = "Subscribe port", description = "SUB socket: apps send to the bus here.")
    int sub() default 13372;

    @AttributeDefinition(name = "Heartbeat timeout (s)",
            description = "End a subscription whose client sent no heartbeat for this long; 0 never does, as the "
                    + "original (clients heartbeat every 5 s).")
    long heartbeat_timeout_s() default 0;

    @AttributeDefinition(name = "Largest frame (bytes)",
            description = "Frames an app sends that are larger are rejected and counted.")
    int max_frame_bytes() default 1_048_576;

    @AttributeDefinition(name = "Send high-water mark",
            description = "Frames ZeroMQ queues per connected app before the bus holds further ones in the "
                    + "subscription's outbox, where the bus's overflow policy and counters apply.")
    int send_hwm() default 1_000;

    @AttributeDefinition(name = "Receive high-water mark",
            description = "Frames ZeroMQ queues per app connection on the subscribe port.")
    int receive_hwm() default 10_000;

    @AttributeDefinition(name = "Advertised host",
            description = "If set, subscribe replies also carry pub_endpoint and sub_endpoint (host:port) for "
                    + "clients written before 2021.07, which connect to those instead of the ports.")
    String advertised_host() default "";

    @AttributeDefinition(name = "CURVE secret key", type = AttributeType.PASSWORD, required = false,
            description = "The bus's CURVE secret key (Z85, 40 characters): turns on ZeroMQ CURVE encryption on all "
                    + "three sockets; clients need the matching public key (threatbus:zmq shows it).")
    String curve_secret__key() default "";

    @AttributeDefinition(name = "CURVE client keys", required = false,
            description = "Public keys (Z85) of the clients admitted with CURVE; empty admits any client that has "
                    + "the bus's public key.")
    String[] curve_allowed__clients() default {};

    @AttributeDefinition(name = "PLAIN users", type = AttributeType.PASSWORD, required = false,
            description = "name:password entries: turns on ZeroMQ PLAIN authentication (passwords travel in clear "
                    + "text; use CURVE on untrusted networks).")
    String[] plain_users() default {};
}
