package org.virtxml.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.docs.ReadmeSection;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;

/**
 * Issue 9 over KINDS-TEST-EXPECTATIONS.tsv: lint (without schemas) gives an error on every test
 * libvirt expects to fail in parsing that has a document of its own, and no error on any document
 * of a test libvirt expects to pass. Every test without a document of its own has one of the
 * reasons of {@link NoDocument}, and README's block {@code kinds-expectations} is this run's count.
 */
class KindsExpectationsLintTest {

    /** Why a row of the TSV gives lint no document to judge; README lists these. */
    enum NoDocument {
        NETWORK_UPDATE(
                "a `virNetworkUpdate` command: a section (`<host>`, `<range>`, `<portgroup>`, a DNS record, a forward"
                        + " `<interface>`) and a command (add, modify, delete) applied to a network libvirt already holds. Most"
                        + " failures depend on that network's content (the host is already there, the portgroup is missing);"
                        + " the others are sections libvirt refuses for the command (a host without its MAC or IP), not"
                        + " documents of a kind"),
        MACRO_DEFINITION("the row of a test macro's own definition (its label: `in->out`, `Node device XML-2-XML`),"
                + " not a test"),
        DRIVER_PROBE("domain capabilities the test computes from a driver's probe (libxl, bhyve): there is no input"
                + " document (the documents it compares with are in domaincapsdata, which the corpus tests read)");

        final String reason;

        NoDocument(String reason) {
            this.reason = reason;
        }

        /** The reason of a row without a document, or null when the row has none of them. */
        static NoDocument of(String program, String test) {
            if (program.equals("networkxml2xmlupdatetest.c")) {
                return NETWORK_UPDATE;
            }
            if (test.contains("->") || test.contains(" ")) {
                return MACRO_DEFINITION;
            }
            return program.equals("domaincapstest.c") ? DRIVER_PROBE : null;
        }
    }

    /** Test program → the folders holding its input documents, by test name. */
    private static final Map<String, List<String>> INPUT_DIRS = Map.ofEntries(
            Map.entry("networkxml2xmltest.c", List.of("networkxml2xmlin")),
            Map.entry("nwfilterxml2xmltest.c", List.of("nwfilterxml2xmlin")),
            Map.entry("nodedevxml2xmltest.c", List.of("nodedevschemadata")),
            Map.entry("secretxml2xmltest.c", List.of("secretxml2xmlin")),
            Map.entry(
                    "qemudomainsnapshotxml2xmltest.c",
                    List.of("qemudomainsnapshotxml2xmlin", "qemudomainsnapshotxml2xmlout")),
            Map.entry("qemudomaincheckpointxml2xmltest.c", List.of("qemudomaincheckpointxml2xmlin")),
            Map.entry("interfacexml2xmltest.c", List.of("interfaceschemadata")),
            Map.entry("virnetworkportxml2xmltest.c", List.of("virnetworkportxml2xmldata")),
            Map.entry("virnwfilterbindingxml2xmltest.c", List.of("virnwfilterbindingxml2xmldata")));

    @Test
    void expectedFailuresGetAnErrorAndExpectedSuccessesNone() throws Exception {
        Path root = Corpus.root();
        Linter linter = Linter.defaults();
        List<String> failuresMissed = new ArrayList<>();
        List<String> successesWithErrors = new ArrayList<>();
        Map<String, String> caught = new TreeMap<>();
        Map<NoDocument, int[]> withoutDocument = new java.util.EnumMap<>(NoDocument.class);
        List<String> withoutReason = new ArrayList<>();
        int failures = 0;
        int successes = 0;
        for (String line : Files.readAllLines(root.resolve("KINDS-TEST-EXPECTATIONS.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] t = line.split("\t", -1);
            Path input = input(root, t[0], t[2]);
            if (input == null) {
                NoDocument why = NoDocument.of(t[0], t[2]);
                if (why == null) {
                    withoutReason.add(t[0] + " " + t[1] + " " + t[2] + " (" + t[3] + ")");
                } else {
                    int[] counts = withoutDocument.computeIfAbsent(why, k -> new int[2]);
                    counts[t[3].startsWith("expect-failure") ? 1 : 0]++;
                }
                continue;
            }
            List<Diagnostic> errors = linter.lint(input).files().get(0).diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR)
                    .toList();
            if (t[3].startsWith("expect-failure")) {
                failures++;
                if (errors.isEmpty()) {
                    failuresMissed.add(Corpus.relative(input));
                } else {
                    caught.put(
                            Corpus.relative(input),
                            errors.get(0).rule() + ": " + errors.get(0).message());
                }
            } else {
                successes++;
                if (!errors.isEmpty()) {
                    successesWithErrors.add(Corpus.relative(input) + ": "
                            + errors.get(0).rule() + " " + errors.get(0).message());
                }
            }
        }
        StringBuilder block = new StringBuilder(String.format(
                java.util.Locale.ROOT,
                "Tests of libvirt's suite for these kinds (`KINDS-TEST-EXPECTATIONS.tsv`) with a document of their own:"
                        + " %d that libvirt expects to fail in parsing, %d of them with a lint error; %d that it expects to"
                        + " pass, %d of them with a lint error.%n%n",
                failures,
                caught.size(),
                successes,
                successesWithErrors.size()));
        block.append(
                "| tests without a document of their own | expect failure | expect success | why lint cannot judge them |\n"
                        + "|---|---:|---:|---|\n");
        withoutDocument.forEach((why, counts) -> block.append(String.format(
                java.util.Locale.ROOT,
                "| %s | %d | %d | %s |%n",
                why.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                counts[1],
                counts[0],
                why.reason)));
        String expected = block.toString();
        System.out.print(expected);
        System.out.println("caught: " + caught);
        assertThat(withoutReason)
                .as("tests without a document and without a reason")
                .isEmpty();
        assertThat(successes).as("expected successes with a document").isGreaterThanOrEqualTo(149);
        assertThat(failures).as("expected failures with a document").isGreaterThanOrEqualTo(5);
        assertThat(successesWithErrors)
                .as("documents libvirt accepts, with a lint error")
                .isEmpty();
        assertThat(failuresMissed)
                .as("documents libvirt refuses, without a lint error")
                .isEmpty();
        ReadmeSection.offer("kinds-expectations", expected);
        assertThat(ReadmeSection.current("kinds-expectations"))
                .as("README kinds-expectations block (see target/readme-kinds-expectations.md)")
                .isEqualTo(expected);
    }

    private static Path input(Path root, String program, String test) {
        for (String dir : INPUT_DIRS.getOrDefault(program, List.of())) {
            Path p = root.resolve("tests").resolve(dir).resolve(test + ".xml");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
