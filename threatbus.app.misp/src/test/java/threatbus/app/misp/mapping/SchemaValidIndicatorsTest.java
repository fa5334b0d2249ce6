// SPDX-License-Identifier: BSD-3-Clause
package threatbus.app.misp.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import threatbus.api.message.Indicator;
import threatbus.api.stix.StixPattern;

/**
 * Maps the sample messages and one attribute of every mapped type, as addition and as removal, writes the
 * indicators to {@code target/stix/misp-indicators.jsonl}, and checks them against the OASIS STIX 2.1 schemas
 * when a validator is given: {@code -Dstix2.validate=<stix2-validate executable>} (needs python3-jsonschema);
 * skipped otherwise.
 */
class SchemaValidIndicatorsTest {

    private static final Path OUT = Path.of("target", "stix", "misp-indicators.jsonl");

    @Test
    void producedIndicatorsParseAndValidate() throws Exception {
        List<Indicator> indicators = produce();
        assertThat(indicators).hasSizeGreaterThan(2 * AttributePatterns.mappedTypes().size());
        StringBuilder lines = new StringBuilder();
        for (Indicator indicator : indicators) {
            StixPattern.parse(indicator.pattern());
            lines.append(indicator.json()).append('\n');
        }
        Files.createDirectories(OUT.getParent());
        Files.writeString(OUT, lines, StandardCharsets.UTF_8);

        String validator = System.getProperty("stix2.validate", "");
        assumeTrue(!validator.isBlank() && Files.isExecutable(Path.of(validator)),
                "no validator given with -Dstix2.validate");
        assumeTrue(run(List.of("python3", "-c", "import jsonschema")).exitCode == 0, "python3-jsonschema missing");
        Result result = run(List.of(validator, OUT.toString()));
        assertThat(result.output).as(result.output).contains(indicators.size() + " valid, 0 invalid");
        assertThat(result.exitCode).isZero();
    }

    private static List<Indicator> produce() throws Exception {
        List<Indicator> out = new ArrayList<>();
        IndicatorMapper mapper = new IndicatorMapper(new PublishedAttributes());
        for (String feed : List.of("feed-add-domain.json", "feed-edit-ip-src.json", "feed-add-domain-ip.json",
                "feed-edit-domain-to-ids-false.json")) {
            mapper.map(Fixtures.message(feed)).ifPresent(out::add);
        }
        for (JsonNode row : Fixtures.tree("rest-search-attributes.json").path("response").path("Attribute")) {
            mapper.map(MispMessage.fromAttribute(row)).ifPresent(out::add);
        }
        int n = 0;
        for (String type : AttributePatterns.mappedTypes()) {
            String uuid = String.format("00000000-0000-4000-8000-%012d", n++);
            for (String action : List.of("add", "soft-delete")) {
                ObjectNode message = Fixtures.feed(action, type, AttributePatternsTest.sampleValue(type), true);
                ((ObjectNode) message.get("Attribute")).put("uuid", uuid);
                out.add(mapper.map(Fixtures.parse(message)).orElseThrow());
            }
        }
        return out;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output);
        }
        return new Result(process.exitValue(), output);
    }
}
