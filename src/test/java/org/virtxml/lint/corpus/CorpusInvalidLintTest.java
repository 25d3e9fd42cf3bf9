package org.virtxml.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.Linter;

/** What must be shown (3): every corpus file named {@code -invalid.} gets an error when schemas are given. */
class CorpusInvalidLintTest {

    /**
     * Expected outputs of tests whose input is named -invalid: libvirt parsed the invalid input and
     * wrote these normalised, schema-valid documents (Jing reports nothing on them, and they are
     * in the set of documents libvirt wrote, which must have no error).
     */
    static final java.util.Set<String> VALID_OUTPUTS_OF_INVALID_INPUTS = java.util.Set.of(
            "tests/qemuxmlconfdata/disk-cdrom-empty-network-invalid.x86_64-latest.xml",
            "tests/qemuxmlconfdata/numatune-auto-nodeset-invalid.x86_64-latest.xml");

    @Test
    void everyInvalidNamedFileGetsAnErrorWithSchemas() throws Exception {
        Path root = Corpus.root();
        List<Path> invalid;
        try (Stream<Path> s = Files.walk(root.resolve("tests"))) {
            invalid = s.filter(p -> p.getFileName().toString().contains("-invalid.")
                            && p.toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        }
        assertThat(invalid).isNotEmpty();
        Linter linter = Linter.builder().schemas(root.resolve("schemas")).build();
        List<String> missed = new ArrayList<>();
        for (Path f : invalid) {
            FileReport r = linter.lint(f).files().get(0);
            if (r.diagnostics().stream().noneMatch(d -> d.severity() == org.virtxml.lint.Severity.ERROR)) {
                missed.add(Corpus.relative(f));
            }
        }
        System.out.println(invalid.size() + " files named -invalid.; without an error: " + missed);
        assertThat(missed).containsExactlyInAnyOrderElementsOf(VALID_OUTPUTS_OF_INVALID_INPUTS);
    }
}
