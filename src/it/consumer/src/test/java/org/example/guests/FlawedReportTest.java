package org.example.guests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plugin's lint-flawed execution (process-test-resources, failOn never) wrote its JSON report. */
class FlawedReportTest {

    @Test
    void thePluginReportedTheFlawedGuestsFindings() throws Exception {
        String json = Files.readString(Path.of("target/flawed-lint.json"));
        assertThat(json).contains("memory-and-uuid.xml", "\"rule\":\"uuid-invalid\"",
                "\"rule\":\"vcpu-current-exceeds-max\"", "\"errors\":2");
    }
}
