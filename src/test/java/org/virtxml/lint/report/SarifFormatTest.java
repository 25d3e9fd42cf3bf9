package org.virtxml.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtxml.json.JsonParser;
import org.virtxml.lint.Severity;

class SarifFormatTest {

    @Test
    void exactOutputForOneFinding() {
        assertThat(Fixtures.render(new SarifFormat(), Fixtures.infoOnly(), Severity.ERROR))
                .isEqualTo(
                        "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{"
                                + "\"tool\":{\"driver\":{\"name\":\"virtxml\",\"rules\":[{\"id\":\"virtio-recommended\","
                                + "\"shortDescription\":{\"text\":\"disk or NIC of a kvm guest on an emulated bus or model\"},"
                                + "\"defaultConfiguration\":{\"level\":\"note\"},\"properties\":{\"category\":\"Devices\"}}]}},"
                                + "\"results\":[{\"ruleId\":\"virtio-recommended\",\"ruleIndex\":0,\"level\":\"note\","
                                + "\"message\":{\"text\":\"disk vda on bus 'ide': virtio is faster\"},"
                                + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"vm.xml\"},"
                                + "\"region\":{\"startLine\":20,\"startColumn\":7}},"
                                + "\"logicalLocations\":[{\"fullyQualifiedName\":\"/domain/devices/disk[1]/target\","
                                + "\"kind\":\"element\"}]}]}]}]}\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void wellFormedWithOneRulePerIdUsedAndRequiredFields() {
        Map<String, Object> root =
                JsonParser.parseObject(Fixtures.render(new SarifFormat(), Fixtures.report(), Severity.ERROR));
        assertThat(root.get("version")).isEqualTo("2.1.0");
        assertThat(root.get("$schema")).isEqualTo(SarifFormat.SCHEMA);
        List<Object> runs = (List<Object>) root.get("runs");
        assertThat(runs).hasSize(1);
        Map<String, Object> run = (Map<String, Object>) runs.get(0);
        Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
        assertThat(driver.get("name")).isEqualTo("virtxml");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) (List<?>) driver.get("rules");
        assertThat(rules)
                .extracting(r -> r.get("id"))
                .containsExactly("boot-dev-invalid", "name-unportable", "virtio-recommended", "xml-malformed");

        List<Map<String, Object>> results = (List<Map<String, Object>>) (List<?>) run.get("results");
        assertThat(results).hasSize(4);
        assertThat(results).extracting(r -> r.get("level")).containsExactly("error", "warning", "note", "error");
        for (Map<String, Object> r : results) {
            assertThat(r).containsKeys("ruleId", "ruleIndex", "level", "message", "locations");
            int index = ((BigDecimal) r.get("ruleIndex")).intValueExact();
            assertThat(rules.get(index).get("id")).isEqualTo(r.get("ruleId"));
            assertThat((Map<String, Object>) r.get("message")).containsKey("text");
            Map<String, Object> loc = (Map<String, Object>) ((List<Object>) r.get("locations")).get(0);
            Map<String, Object> physical = (Map<String, Object>) loc.get("physicalLocation");
            assertThat((Map<String, Object>) physical.get("artifactLocation")).containsKey("uri");
            assertThat((Map<String, Object>) physical.get("region")).containsKeys("startLine", "startColumn");
        }
        Map<String, Object> last =
                (Map<String, Object>) ((List<Object>) results.get(3).get("locations")).get(0);
        assertThat(((Map<String, Object>) ((Map<String, Object>) last.get("physicalLocation")).get("artifactLocation"))
                        .get("uri"))
                .isEqualTo("dir%20with%20space/bad.xml");
        assertThat(last).doesNotContainKey("logicalLocations");
    }

    @Test
    @SuppressWarnings("unchecked")
    void unknownPositionHasNoRegion() {
        Map<String, Object> root =
                JsonParser.parseObject(Fixtures.render(new SarifFormat(), Fixtures.withoutPosition(), Severity.ERROR));
        Map<String, Object> run = (Map<String, Object>) ((List<Object>) root.get("runs")).get(0);
        Map<String, Object> result = (Map<String, Object>) ((List<Object>) run.get("results")).get(0);
        Map<String, Object> loc = (Map<String, Object>) ((List<Object>) result.get("locations")).get(0);
        assertThat((Map<String, Object>) loc.get("physicalLocation")).containsOnlyKeys("artifactLocation");
    }

    @Test
    void emptyReportStillHasARunWithNoRulesAndNoResults() {
        String out = Fixtures.render(new SarifFormat(), new org.virtxml.lint.LintReport(List.of()), Severity.ERROR);
        assertThat(out).contains("\"rules\":[]", "\"results\":[]");
        JsonParser.parse(out);
    }

    @Test
    void uris() {
        assertThat(SarifFormat.uri("a/b c.xml")).isEqualTo("a/b%20c.xml");
        assertThat(SarifFormat.uri("/abs/ü#1.xml")).isEqualTo("/abs/%C3%BC%231.xml");
        assertThat(SarifFormat.uri("C:\\vms\\x.xml")).isEqualTo("file:///C:/vms/x.xml");
        assertThat(SarifFormat.uri("a:b.xml")).isEqualTo("a%3Ab.xml");
    }
}
