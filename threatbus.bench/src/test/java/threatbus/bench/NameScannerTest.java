// SPDX-License-Identifier: BSD-3-Clause
package threatbus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The receiver-side scan finds seq and send time in our format and in re-serialised ones. */
class NameScannerTest {
    private final NameScanner scanner = new NameScanner();

    private int scan(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return scanner.scan(bytes, NameScanner.topicEnd(bytes) + 1, bytes.length);
    }

    @Test
    void readsWhatTheWriterWrote() {
        IndicatorWriter writer = new IndicatorWriter("stix2/indicator", 500);
        writer.prepare(123_456);
        byte[] frame = writer.finish(987_654_321_012L);
        // as delivered by a server: p2p topic and type instead of the publish topic
        String delivered = "vvtbinkpmhvrdphrmvcagmmohvnpakaxindicator"
                + new String(frame, StandardCharsets.UTF_8).substring("stix2/indicator".length());
        assertThat(scan(delivered)).isEqualTo(NameScanner.MEASURED);
        assertThat(scanner.seq).isEqualTo(123_456);
        assertThat(scanner.sendNanos).isEqualTo(987_654_321_012L);
    }

    @Test
    void readsTheOriginalsDelivery() {
        String frame = "vvtbinkpmhvrdphrmvcagmmohvnpakaxindicator {\"type\": \"indicator\", \"spec_version\": \"2.1\", "
                + "\"id\": \"indicator--8ee37e31-50c3-4303-bc7f-708661bd204c\", \"created\": \"2026-11-28T04:22:28.445007Z\", "
                + "\"modified\": \"2026-11-28T04:22:28.445007Z\", \"name\": \"tbbench 0 5510702656379\", "
                + "\"pattern\": \"[ipv4-addr:value = '10.0.0.0']\", \"pattern_type\": \"stix\", \"pattern_version\": \"2.1\", "
                + "\"valid_from\": \"2026-11-28T04:22:28.445007Z\"}";
        assertThat(scan(frame)).isEqualTo(NameScanner.MEASURED);
        assertThat(scanner.seq).isZero();
        assertThat(scanner.sendNanos).isEqualTo(5_510_702_656_379L);
    }

    @Test
    void readsAReserialisedVariant() {
        // compact separators, other key order, escapes and look-alikes before the real member
        String frame = "abcdefghijklmnopqrstuvwxyzabcdefindicator {\"valid_from\":\"2026-11-28T04:22:28.445Z\","
                + "\"description\":\"say \\\"name\\\": \\\"tbbench 1 2\\\" \\u00e9\\\\\","
                + "\"labels\":[\"name\"],\"x_name\":\"tbbench 3 4\",\"x_obj\":{\"name\":\"other\"},"
                + "\"kill_chain_phases\":[{\"kill_chain_name\":\"lockheed\",\"phase_name\":\"recon\"}],"
                + "\"name\" :\t\"tbbench 77 -12\",\"type\":\"indicator\",\"id\":\"indicator--x\"}";
        assertThat(scan(frame)).isEqualTo(NameScanner.MEASURED);
        assertThat(scanner.seq).isEqualTo(77);
        assertThat(scanner.sendNanos).isEqualTo(-12);
    }

    @Test
    void recognisesWarmupMessages() {
        assertThat(scan("p2pindicator {\"name\": \"tbbench warmup 4 17\", \"type\": \"indicator\"}"))
                .isEqualTo(NameScanner.WARMUP);
        assertThat(scanner.warmupPublisher).isEqualTo(4);
    }

    @Test
    void rejectsForeignMessages() {
        assertThat(scan("p2pindicator {\"name\": \"evil.example\", \"type\": \"indicator\"}")).isEqualTo(NameScanner.FOREIGN);
        assertThat(scan("p2pindicator {\"name\": \"tbbench x 1\"}")).isEqualTo(NameScanner.FOREIGN);
        assertThat(scan("p2pindicator {\"name\": \"tbbench 1 2 3\"}")).isEqualTo(NameScanner.FOREIGN);
        assertThat(scan("p2pindicator {\"name\": \"tbbench 1")).isEqualTo(NameScanner.FOREIGN);
        assertThat(scan("p2psighting {\"type\": \"sighting\"}")).isEqualTo(NameScanner.FOREIGN);
        assertThat(scan("nospace")).isEqualTo(NameScanner.FOREIGN);
    }
}
