package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint runs its rules itself: a lint in a fresh JVM loads no class of Hibernate Validator or of
 * Jakarta Bean Validation ({@code -Xlog:class+load}, a deterministic count, not a timing), through
 * the library and through the command line.
 */
class NoBeanValidationLoadTest {

    private static final String SAMPLES = "src/test/resources/samples";

    /** Entry point of the child JVM: lints the samples through the library. */
    public static void main(String[] args) throws Exception {
        LintReport r = Linter.defaults().lint(Path.of(args[0]));
        System.out.println("files=" + r.files().size() + " findings="
                + r.files().stream().mapToInt(f -> f.diagnostics().size()).sum());
    }

    @Test
    void aLintThroughTheLibraryLoadsNoBeanValidation(@TempDir Path tmp) throws Exception {
        List<String> loaded = lintIn(tmp, NoBeanValidationLoadTest.class.getName(), SAMPLES);
        assertNoBeanValidation(loaded);
    }

    @Test
    void aLintThroughTheCommandLineLoadsNoBeanValidation(@TempDir Path tmp) throws Exception {
        List<String> loaded = lintIn(tmp, "org.virtxml.cli.Main", "lint", "--format", "json", SAMPLES);
        assertNoBeanValidation(loaded);
    }

    private static void assertNoBeanValidation(List<String> loaded) {
        // the lint ran: its rules and the checks of the samples' classes were loaded
        assertThat(loaded)
                .anyMatch(l -> l.contains(" org.virtxml.lint.DocumentLinter "))
                .anyMatch(l -> l.contains(" org.virtxml.lint.validation.RuleDispatch "))
                .anyMatch(l -> l.contains(" org.virtxml.lint.checks.DiskChecks "));
        assertThat(loaded)
                .as("classes of Hibernate Validator or Jakarta Bean Validation")
                .noneMatch(l -> l.contains(" org.hibernate.") || l.contains(" jakarta.validation."));
    }

    /** Runs {@code mainClass} in a fresh JVM with the test class path and returns its class-load log. */
    private static List<String> lintIn(Path tmp, String mainClass, String... args)
            throws IOException, InterruptedException {
        Path log = tmp.resolve("class-load.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(err).as("stderr").isEmpty();
        assertThat(p.exitValue()).as("exit status (findings: 1)").isIn(0, 1);
        assertThat(out).as("the report").isNotBlank();
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }
}
