package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The sample documents: flawed ones fire what their {@code expect:} line lists, good ones have no errors. */
class SamplesLintTest {

    private static final Pattern EXPECT = Pattern.compile("expect:\\s*([a-z0-9 -]+)");

    static Path samples() throws URISyntaxException {
        return Path.of(SamplesLintTest.class.getResource("/samples").toURI());
    }

    static Set<String> expected(Path file) throws IOException {
        Matcher m = EXPECT.matcher(Files.readString(file));
        assertThat(m.find()).as("expect: line in %s", file).isTrue();
        return Arrays.stream(m.group(1).trim().split("\\s+")).collect(Collectors.toSet());
    }

    @TestFactory
    Stream<DynamicTest> flawedSamplesFireTheirExpectedRules() throws Exception {
        List<Path> flawed;
        try (Stream<Path> s = Files.list(samples().resolve("flawed"))) {
            flawed = s.sorted().toList();
        }
        assertThat(flawed).hasSizeGreaterThanOrEqualTo(8);
        Linter linter = Linter.defaults();
        return flawed.stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    LintReport report = linter.lint(f);
                    Set<String> fired =
                            report.diagnostics().stream().map(Diagnostic::rule).collect(Collectors.toSet());
                    report.diagnostics()
                            .forEach(d -> System.out.println(f.getFileName() + ":" + d.line() + ":" + d.column() + " "
                                    + d.severity().id() + " " + d.message() + " [" + d.rule() + "] " + d.xpath()));
                    assertThat(fired).containsAll(expected(f));
                }));
    }

    @Test
    void goodSamplesHaveNoErrorsOrWarnings() throws Exception {
        List<Path> good;
        try (Stream<Path> s = Files.list(samples())) {
            good = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        LintReport report = Linter.defaults().lint(good);
        report.diagnostics().forEach(d -> System.out.println(d));
        assertThat(report.files()).hasSize(good.size());
        assertThat(report.atOrAbove(Severity.WARNING)).isEmpty();
    }
}
