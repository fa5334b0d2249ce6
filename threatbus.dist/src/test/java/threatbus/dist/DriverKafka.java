// SPDX-License-Identifier: BSD-3-Clause
package threatbus.dist;

import threatbus.app.misp.testmisp.EmbeddedKafka;

/**
 * A real Kafka broker for the integration tests, started by the test driver outside the framework (Kafka's
 * test kit is no bundle) and shared by every test of the JVM; it stops when the JVM does. Tests inside the
 * framework find it through the system property {@value #BOOTSTRAP_SERVERS}.
 */
final class DriverKafka {

    static final String BOOTSTRAP_SERVERS = "threatbus.test.kafka";

    private static EmbeddedKafka kafka;

    private DriverKafka() {
    }

    /** Starts the broker once, creates the topic and produces the documents onto it, as MISP would. */
    static synchronized void produce(String topic, String... documents) throws Exception {
        if (kafka == null) {
            EmbeddedKafka started = new EmbeddedKafka();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception e) {
                    // the JVM is going away; a folder left behind is in the system's temporary folder
                }
            }, "threatbus-test-kafka-stop"));
            kafka = started;
            System.setProperty(BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        }
        kafka.createTopic(topic);
        kafka.produce(topic, documents);
    }
}
