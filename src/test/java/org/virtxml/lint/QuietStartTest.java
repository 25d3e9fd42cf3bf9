package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The first lint of a JVM prints nothing on its own (no {@code HV000001} banner from Hibernate
 * Validator) and leaves java.util.logging's configuration as it found it. Runs in a fresh JVM,
 * since the banner is logged once per JVM.
 */
class QuietStartTest {

    /** Entry point of the child JVM: lints a sample and prints the banner logger's level afterwards. */
    public static void main(String[] args) throws Exception {
        LintReport r = Linter.defaults().lint(Path.of(args[0]));
        System.out.println("files=" + r.files().size());
        System.out.println("level="
                + Logger.getLogger("org.hibernate.validator.internal.util.Version")
                        .getLevel());
        System.out.println("root=" + Logger.getLogger("").getLevel());
    }

    @Test
    void theFirstLintLogsNothingAndChangesNoLoggingLevel() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        QuietStartTest.class.getName(),
                        "src/test/resources/samples/kvm-guest.xml"))
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).doesNotContain("HV000001").isEmpty();
        assertThat(out).contains("files=1").contains("level=null").contains("root=INFO");
    }
}
