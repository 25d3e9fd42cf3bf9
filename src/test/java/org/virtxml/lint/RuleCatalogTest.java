package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    /** One table row of rules.md: the section it sits in, id, severity and whether it is a set rule. */
    record SpecRow(String section, String id, String severity, boolean set) {}

    private static final Pattern SECTION = Pattern.compile("^## (.+?)(?: \\(.*\\))?\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\| ([a-z0-9-]+) \\| (error|warning|info)( \\(set\\))? \\|.*");

    @Test
    void catalogueMatchesTheSpecExactly() throws IOException {
        Path rulesMd = specRulesMd();
        List<SpecRow> spec = new ArrayList<>(parse(Files.readAllLines(rulesMd)));
        assertThat(spec).as("rows parsed from %s", rulesMd).hasSizeGreaterThan(50);
        // the other kinds' rules: the project's own document, after the contract's sections
        spec.addAll(parse(Files.readAllLines(Path.of("docs", "rules-kinds.md"))));
        // the domain's rule families decided from the document (issue 15)
        spec.addAll(parse(Files.readAllLines(Path.of("docs", "rules-domain.md"))));
        // then the rules from the KVM guide (issue 12), the project's own document too
        spec.addAll(parse(Files.readAllLines(Path.of("docs", "rules-guide.md"))));

        List<SpecRow> code = new ArrayList<>();
        for (Rule r : RuleCatalog.all()) {
            code.add(new SpecRow(r.category().title(), r.id(), r.severity().id(), r.set()));
        }
        assertThat(code).containsExactlyElementsOf(spec);
    }

    @Test
    void hostCapacityRulesAreExactlyThoseNeedingAHost() {
        assertThat(RuleCatalog.all().stream().filter(Rule::needsHost).map(Rule::id))
                .containsExactly(
                        "vcpu-exceeds-host-cores",
                        "vcpu-overcommit",
                        "memory-exceeds-host",
                        "memory-overcommit",
                        "host-swap-insufficient",
                        "kvm-unavailable",
                        "cpuset-exceeds-host",
                        "host-arch-unsupported",
                        "iommu-unavailable");
        assertThat(RuleCatalog.all()).allMatch(r -> r.needsHost() == (r.category() == RuleCategory.HOST_CAPACITY));
    }

    @Test
    void lookups() {
        assertThat(RuleCatalog.get("boot-dev-invalid").severity()).isEqualTo(Severity.ERROR);
        assertThat(RuleCatalog.find("no-such-rule")).isEmpty();
        assertThat(RuleCatalog.contains("mac-duplicate")).isTrue();
        assertThat(RuleCatalog.all()).allSatisfy(r -> {
            assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(r.description()).isNotBlank().doesNotContain("\n");
        });
    }

    private static List<SpecRow> parse(List<String> lines) {
        List<SpecRow> rows = new ArrayList<>();
        String section = null;
        for (String line : lines) {
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                section = s.group(1);
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (r.matches() && section != null) {
                rows.add(new SpecRow(section, r.group(1), r.group(2), r.group(3) != null));
            } else if (line.startsWith("| ") && !line.startsWith("| id ") && section != null) {
                throw new AssertionError("table row this test cannot read: " + line);
            }
        }
        return rows;
    }

    private static Path specRulesMd() {
        String corpus = System.getProperty("virtxml.corpus", "");
        Path rules = corpus.isBlank()
                ? null
                : Path.of(corpus).resolve("../spec/rules.md").normalize();
        if (rules == null || !Files.isRegularFile(rules)) {
            String msg = "SKIPPED: corpus not available (set -Dvirtxml.corpus=...)";
            System.err.println(msg);
            Assumptions.abort(msg);
        }
        return rules;
    }
}
