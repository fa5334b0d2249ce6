// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import threatbus.app.misp.feed.AttributeFrame.Kind;

class AttributeFrameTest {

    private static AttributeFrame parse(String frame) {
        return AttributeFrame.parse(frame.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstSpace() {
        AttributeFrame frame = parse("misp_json_attribute {\"comment\": \"a b\"}");
        assertThat(frame.kind()).isEqualTo(Kind.ATTRIBUTE);
        assertThat(new String(frame.json(), StandardCharsets.UTF_8)).isEqualTo("{\"comment\": \"a b\"}");
    }

    @Test
    void acceptsOnlyTheExactTopic() {
        assertThat(parse("misp_json_attribute_x {}").kind()).isEqualTo(Kind.OTHER_TOPIC);
        assertThat(parse("misp_json_attribute_x {}").topic()).isEqualTo("misp_json_attribute_x");
        assertThat(parse("misp_json_attributX {}").kind()).isEqualTo(Kind.OTHER_TOPIC);
        assertThat(parse("misp_json {}").kind()).isEqualTo(Kind.OTHER_TOPIC);
    }

    @Test
    void namesFramesWithoutADocument() {
        assertThat(parse("misp_json_attribute").kind()).isEqualTo(Kind.NO_SPACE);
        assertThat(parse("").kind()).isEqualTo(Kind.NO_SPACE);
        assertThat(parse("misp_json_attribute ").kind()).isEqualTo(Kind.EMPTY);
    }
}
