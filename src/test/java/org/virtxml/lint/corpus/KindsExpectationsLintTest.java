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
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;

/**
 * Issue 9 over KINDS-TEST-EXPECTATIONS.tsv: lint (without schemas) gives an error on every test
 * libvirt expects to fail in parsing that has a document of its own, and no error on any document
 * of a test libvirt expects to pass. Tests without a document of their own (virNetworkUpdate
 * commands, which fail or pass against a given network; domain capabilities built from a driver's
 * probe) are counted apart and listed.
 */
class KindsExpectationsLintTest {

    /** Test program → the folders holding its input documents, by test name. */
    private static final Map<String, List<String>> INPUT_DIRS = Map.ofEntries(
            Map.entry("networkxml2xmltest.c", List.of("networkxml2xmlin")),
            Map.entry("nwfilterxml2xmltest.c", List.of("nwfilterxml2xmlin")),
            Map.entry("nodedevxml2xmltest.c", List.of("nodedevschemadata")),
            Map.entry("secretxml2xmltest.c", List.of("secretxml2xmlin")),
            Map.entry("qemudomainsnapshotxml2xmltest.c", List.of("qemudomainsnapshotxml2xmlin",
                    "qemudomainsnapshotxml2xmlout")),
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
        List<String> withoutDocument = new ArrayList<>();
        int failures = 0;
        int successes = 0;
        for (String line : Files.readAllLines(root.resolve("KINDS-TEST-EXPECTATIONS.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] t = line.split("\t", -1);
            Path input = input(root, t[0], t[2]);
            if (input == null) {
                withoutDocument.add(t[0] + " " + t[1] + " " + t[2] + " (" + t[3] + ")");
                continue;
            }
            List<Diagnostic> errors = linter.lint(input).files().get(0).diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).toList();
            if (t[3].startsWith("expect-failure")) {
                failures++;
                if (errors.isEmpty()) {
                    failuresMissed.add(Corpus.relative(input));
                } else {
                    caught.put(Corpus.relative(input), errors.get(0).rule() + ": " + errors.get(0).message());
                }
            } else {
                successes++;
                if (!errors.isEmpty()) {
                    successesWithErrors.add(Corpus.relative(input) + ": " + errors.get(0).rule() + " "
                            + errors.get(0).message());
                }
            }
        }
        System.out.println("KINDS-TEST-EXPECTATIONS: " + failures + " expected failures with a document, caught "
                + caught.size() + " " + caught + "; " + successes + " expected successes; without a document of their"
                + " own: " + withoutDocument.size());
        withoutDocument.forEach(w -> System.out.println("  no document: " + w));
        assertThat(successes).as("expected successes with a document").isGreaterThan(100);
        assertThat(failures).as("expected failures with a document").isPositive();
        assertThat(successesWithErrors).as("documents libvirt accepts, with a lint error").isEmpty();
        assertThat(failuresMissed).as("documents libvirt refuses, without a lint error").isEmpty();
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
