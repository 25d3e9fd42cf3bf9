package org.virtxml.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;

/**
 * What must be shown (4): of the corpus tests libvirt expects to fail (TEST-EXPECTATIONS.tsv,
 * with libvirt's messages from EXPECTED-ERRORS.tsv), the share lint flags with an error, measured
 * and printed as a markdown table of which libvirt message maps to which rule.
 */
class ExpectedFailuresCoverageTest {

    private static final Map<String, String> INPUT_DIRS = Map.of(
            "genericxml2xmltest.c", "tests/genericxml2xmlindata",
            "qemuxmlconftest.c", "tests/qemuxmlconfdata",
            "storagepoolxml2xmltest.c", "tests/storagepoolxml2xmlin",
            "storagevolxml2xmltest.c", "tests/storagevolxml2xmlin");

    /**
     * Every default rule together (the document-decidable families of docs/rules-domain.md and the
     * value-invalid vocabulary, issue 15) brings this many of the expected failures to an error
     * without schemas: a floor that only rises (187 with the families alone).
     */
    static final int FLAGGED_BY_DOCUMENT_RULES_FLOOR = 193;

    record Row(String test, String message, Set<String> rules, Set<String> schemaRules) {}

    @Test
    void measureShareOfExpectedFailuresFlagged() throws Exception {
        Path root = Corpus.root();
        Map<String, String> errors = CorpusFiles.expectedErrors();
        Linter plain = Linter.defaults();
        Linter withSchemas = Linter.builder().schemas(root.resolve("schemas")).build();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String[] t : CorpusFiles.testExpectations()) {
            if (t.length < 5 || !t[4].startsWith("expect-parse-failure") || !INPUT_DIRS.containsKey(t[0])) {
                continue;
            }
            String name = t[2];
            Path input = root.resolve(INPUT_DIRS.get(t[0])).resolve(name + ".xml");
            if (!Files.isRegularFile(input) || !seen.add(t[0] + "/" + name)) {
                continue;
            }
            String message = errors.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(INPUT_DIRS.get(t[0]) + "/" + name + "."))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("(no .err file)");
            rows.add(new Row(
                    name,
                    message,
                    errorRules(plain.lint(input).files().get(0)),
                    errorRules(withSchemas.lint(input).files().get(0))));
        }
        assertThat(rows).hasSizeGreaterThan(100);
        long flagged = rows.stream().filter(r -> !r.rules().isEmpty()).count();
        long flaggedWithSchemas =
                rows.stream().filter(r -> !r.schemaRules().isEmpty()).count();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "%nExpected failures flagged with an error: %d of %d (%.1f%%) without schemas,"
                        + " %d of %d (%.1f%%) with --schemas%n%n",
                flagged,
                rows.size(),
                100.0 * flagged / rows.size(),
                flaggedWithSchemas,
                rows.size(),
                100.0 * flaggedWithSchemas / rows.size()));
        sb.append("| test | libvirt's message | lint rule (error) |\n|---|---|---|\n");
        for (Row r : rows) {
            String rules = !r.rules().isEmpty()
                    ? String.join(", ", r.rules())
                    : !r.schemaRules().isEmpty() ? "schema-invalid (with --schemas only)" : "not covered yet";
            sb.append("| ")
                    .append(r.test())
                    .append(" | ")
                    .append(r.message().replace("|", "\\|"))
                    .append(" | ")
                    .append(rules)
                    .append(" |\n");
        }
        System.out.println(sb);
        assertThat(flagged)
                .as("expected failures flagged without schemas")
                .isGreaterThanOrEqualTo(FLAGGED_BY_DOCUMENT_RULES_FLOOR);
    }

    /**
     * Issue 15 (every default rule, value-invalid included): flagged without --schemas, a floor that
     * only rises (23 before the rule families were merged).
     */
    static final int VOCABULARY_FLOOR = 193;
    /**
     * The same with --qemu set to the test's QEMU where its .err names an x86_64 one (the capability
     * rules added): a floor that only rises.
     */
    static final int VOCABULARY_WITH_QEMU_FLOOR = 196;

    @Test
    void vocabularyAndCapsFloor() throws Exception {
        Path root = Corpus.root();
        Set<String> errFiles = CorpusFiles.expectedErrors().keySet();
        Linter plain = Linter.defaults();
        Map<String, Linter> byQemu = new java.util.HashMap<>();
        int total = 0;
        int flagged = 0;
        int flaggedWithQemu = 0;
        List<String> byValue = new ArrayList<>();
        List<String> byCaps = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String[] t : CorpusFiles.testExpectations()) {
            if (t.length < 5
                    || !t[4].startsWith("expect-parse-failure")
                    || !INPUT_DIRS.containsKey(t[0])
                    || !seen.add(t[0] + "/" + t[2])) {
                continue;
            }
            Path input = root.resolve(INPUT_DIRS.get(t[0])).resolve(t[2] + ".xml");
            if (!Files.isRegularFile(input)) {
                continue;
            }
            total++;
            Set<String> rules = errorRules(plain.lint(input).files().get(0));
            if (!rules.isEmpty()) {
                flagged++;
            }
            if (rules.contains("value-invalid")) {
                byValue.add(t[2]);
            }
            String qemu = testQemu(errFiles, INPUT_DIRS.get(t[0]) + "/" + t[2] + ".");
            if (qemu != null && rules.isEmpty()) {
                String profile = Files.readString(input).contains("<launchSecurity") ? qemu + "+amdsev" : qemu;
                rules = errorRules(byQemu.computeIfAbsent(
                                profile, v -> Linter.builder().qemu(v).build())
                        .lint(input)
                        .files()
                        .get(0));
                if (rules.stream().anyMatch(r -> r.startsWith("caps-"))) {
                    byCaps.add(t[2] + " (QEMU " + profile + ")");
                }
            }
            if (!rules.isEmpty()) {
                flaggedWithQemu++;
            }
        }
        System.out.printf(
                "%nIssue 15: of %d expected failures, flagged %d without --schemas, %d with --qemu set to the"
                        + " test's QEMU%n  value-invalid catches: %s%n  only the capability rules catch: %s%n",
                total, flagged, flaggedWithQemu, byValue, byCaps);
        assertThat(flagged).isGreaterThanOrEqualTo(VOCABULARY_FLOOR);
        assertThat(flaggedWithQemu)
                .isGreaterThanOrEqualTo(VOCABULARY_WITH_QEMU_FLOOR)
                .isGreaterThanOrEqualTo(flagged);
    }

    /** The shipped QEMU profile of a test whose .err file names an x86_64 QEMU ({@code -latest} is 10.0); null otherwise. */
    private static String testQemu(Set<String> errFiles, String prefix) {
        for (String err : errFiles) {
            if (err.startsWith(prefix)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.x86_64-(latest|(\\d+\\.\\d+)\\.0)\\.")
                        .matcher(err.substring(prefix.length() - 1));
                if (m.lookingAt()) {
                    String v = m.group(1).equals("latest") ? QemuProfileCorpusTest.LATEST : m.group(2);
                    return org.virtxml.lint.host.QemuProfile.VERSIONS.contains(v) ? v : null;
                }
            }
        }
        return null;
    }

    private static Set<String> errorRules(FileReport f) {
        return f.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::rule)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
