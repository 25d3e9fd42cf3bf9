package org.virtxml.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;

/**
 * Issue 15: value-invalid says nothing on the input documents of the tests libvirt expects to pass
 * (TEST-EXPECTATIONS.tsv: qemuxmlconf, genericxml2xml, pool and volume tests), which libvirt's
 * parser accepts as written (not only as it writes them back).
 */
class AcceptedInputsValueTest {

    static final Map<String, String> INPUT_DIRS = Map.of(
            "genericxml2xmltest.c", "tests/genericxml2xmlindata",
            "qemuxmlconftest.c", "tests/qemuxmlconfdata",
            "storagepoolxml2xmltest.c", "tests/storagepoolxml2xmlin",
            "storagevolxml2xmltest.c", "tests/storagevolxml2xmlin");

    /** The inputs of every test libvirt expects to parse (and mostly to run), each once. */
    static List<Path> acceptedInputs() throws Exception {
        Path root = Corpus.root();
        Set<Path> out = new TreeSet<>();
        for (String[] t : CorpusFiles.testExpectations()) {
            if (t.length < 5 || t[4].startsWith("expect-parse-failure") || !INPUT_DIRS.containsKey(t[0])) {
                continue;
            }
            Path input = root.resolve(INPUT_DIRS.get(t[0])).resolve(t[2] + ".xml");
            if (Files.isRegularFile(input)) {
                out.add(input);
            }
        }
        return new ArrayList<>(out);
    }

    @Test
    void noValueErrorOnInputsLibvirtAccepts() throws Exception {
        List<Path> inputs = acceptedInputs();
        assertThat(inputs).hasSizeGreaterThan(800);
        Linter linter = Linter.defaults();
        List<String> errors = new ArrayList<>();
        for (Path f : inputs) {
            for (Diagnostic d : linter.lint(f).files().get(0).diagnostics()) {
                if (d.severity() == Severity.ERROR && d.rule().equals("value-invalid")) {
                    errors.add(Corpus.relative(f) + ":" + d.line() + ": " + d.message());
                }
            }
        }
        errors.forEach(System.out::println);
        System.out.println(
                "value-invalid over " + inputs.size() + " inputs libvirt accepts: " + errors.size() + " errors");
        assertThat(errors).isEmpty();
    }
}
