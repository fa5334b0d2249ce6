// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.zeek;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the Zeek app, PID {@value ZeekApp#PID}: the original's keys ({@code host}, {@code port},
 * {@code module_namespace}), transport security named after Zeek's own Broker options ({@code disable_ssl},
 * {@code ssl_certificate}, ...) so that both sides are configured with the same words, and limits of ours in
 * the dotted style of the other PIDs ({@code max.frame.bytes}, ...). A double underscore in a method name is
 * a literal underscore in the key, a single one a dot (Declarative Services' rule).
 */
@ObjectClassDefinition(name = "Threat Bus Zeek app",
        description = "The Broker endpoint Zeek peers with (Zeek 5.0 to 9.x running threatbus.zeek).")
@interface ZeekConfig {

    @AttributeDefinition(name = "Listen address", description = "0.0.0.0 to accept Zeek from other hosts.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Listen port", description = "Zeek's Tenzir::broker_port.")
    int port() default 47761;

    @AttributeDefinition(name = "Module namespace",
            description = "The Zeek module of the Threat Bus events (Tenzir::intel, ...); must match the script.")
    String module__namespace() default "Tenzir";

    @AttributeDefinition(name = "Disable TLS",
            description = "Plain TCP, for Zeek run with Broker::disable_ssl=T. Off: anonymous TLS 1.2, Zeek's default.")
    boolean disable__ssl() default false;

    @AttributeDefinition(name = "Certificate (PEM)",
            description = "With ssl_keyfile and ssl_cafile: mutual certificate-based TLS instead of anonymous TLS, "
                    + "as Zeek's Broker::ssl_certificate.")
    String ssl__certificate() default "";

    @AttributeDefinition(name = "Private key (PEM)", description = "As Zeek's Broker::ssl_keyfile.")
    String ssl__keyfile() default "";

    @AttributeDefinition(name = "CA certificates (PEM)",
            description = "Zeek peers must present a certificate signed by one of these; as Broker::ssl_cafile.")
    String ssl__cafile() default "";

    @AttributeDefinition(name = "Private key passphrase", description = "As Zeek's Broker::ssl_passphrase.",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String ssl__passphrase() default "";

    @AttributeDefinition(name = "Largest frame (bytes)",
            description = "A peer that sends a larger Broker frame is disconnected.")
    int max_frame_bytes() default 4_194_304;

    @AttributeDefinition(name = "Writer queue per peer",
            description = "Frames queued for one Zeek before the bus holds further ones in the subscription's "
                    + "outbox, where the bus's overflow policy and counters apply.")
    int peer_queue_capacity() default 1_000;

    @AttributeDefinition(name = "Handshake timeout (s)",
            description = "A connection that has not finished Broker's handshake in this time is closed.")
    int handshake_timeout_s() default 10;
}
