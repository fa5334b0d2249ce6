// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The MISP app's Kafka feed in a real Felix: the Kafka client packages embedded in the MISP bundle consume
 * from a real broker, and the attribute reaches a zmq app as an indicator.
 */
public class MispKafkaIT extends BusInFelix {

    private static final String TOPIC = "misp_attribute";
    private static final String ATTRIBUTE_UUID = "6a1f2787-fcfc-4718-a58a-00b4c0a82f07";
    // MISP's Kafka feed: the attribute notification without a topic prefix, IPv6 to check the type fix
    private static final String NOTIFICATION = "{\"Attribute\": {\"id\": \"16\", \"event_id\": \"1\", \"category\": "
            + "\"Network activity\", \"type\": \"ip-dst\", \"value\": \"2001:db8::1\", \"to_ids\": true, "
            + "\"uuid\": \"" + ATTRIBUTE_UUID + "\", \"timestamp\": \"1614599635\", \"deleted\": false}, "
            + "\"Event\": {\"id\": \"1\", \"org_id\": \"1\", \"orgc_id\": \"1\", \"info\": \"it\"}, "
            + "\"action\": \"add\"}";

    @Override
    @Configuration
    public Option[] config() throws Exception {
        Option[] options = ThreatBusOptions.withFreshDeployFolder();
        // produced before the app subscribes: the consumer group starts from the earliest offset
        DriverKafka.produce(TOPIC, NOTIFICATION);
        return options;
    }

    @Test
    public void anAttributeFromMispsKafkaFeedReachesAZmqApp() throws Exception {
        ZmqFixture zmq = ZmqFixture.start(context, configurationAdmin);
        try (ZmqTestApp app = new ZmqTestApp(zmq, "\"stix2/indicator\"", 0)) {
            app.awaitConnected("[network-traffic:dst_port = 443]");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("kafka.topics", new String[] {TOPIC});
            properties.put("kafka.poll_interval", 0.2);
            properties.put("kafka.config.bootstrap.servers", System.getProperty(DriverKafka.BOOTSTRAP_SERVERS));
            properties.put("kafka.config.group.id", "threatbus-it");
            properties.put("kafka.config.auto.offset.reset", "earliest");
            configurationAdmin.getConfiguration("threatbus.app.misp", "?").update(properties);

            String indicator = app.receive(60_000);
            assertTrue("no indicator from MISP's Kafka feed", indicator != null);
            assertTrue(indicator, indicator.contains("\"id\": \"indicator--" + ATTRIBUTE_UUID + "\""));
            assertTrue(indicator, indicator.contains("\"pattern\": \"[ipv6-addr:value = '2001:db8::1']\""));
        }
    }
}
