package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long lint of the command line compiles with the client compiler only: which runs ask for it,
 * and, in a fresh JVM per run ({@code -XX:+PrintCompilation}: which methods were compiled at which
 * tier, not a timing), that a lint over a folder compiles none of virtxml's methods with the
 * optimizing compiler (tier 4), where the same lint with the directive turned off does.
 */
class ClientCompilerTest {

    /** One line of {@code -XX:+PrintCompilation}: time, id, flags, tier, method. */
    private static final Pattern COMPILED = Pattern.compile("^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*\\s*(\\d)\\s+(\\S+)");

    @Test
    void aLintOfAFolderOrOfManyFilesIsLong(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a.xml"), "<domain/>");
        assertThat(ClientCompiler.suits(List.of("lint", file.toString()))).isFalse();
        assertThat(ClientCompiler.suits(List.of("lint", "--format", "json", tmp.toString())))
                .isTrue();
        List<String> many = new ArrayList<>(List.of("lint"));
        for (int i = 0; i < ClientCompiler.MANY; i++) {
            many.add(file.toString());
        }
        assertThat(ClientCompiler.suits(many))
                .as("%d files", ClientCompiler.MANY)
                .isFalse();
        many.add(file.toString());
        assertThat(ClientCompiler.suits(many)).isTrue();
        assertThat(ClientCompiler.suits(List.of("fmt", tmp.toString())))
                .as("another verb")
                .isFalse();
        assertThat(ClientCompiler.suits(List.of())).isFalse();
    }

    @Test
    void aLongLintCompilesNoneOfVirtxmlsMethodsWithTheOptimizingCompiler(@TempDir Path tmp) throws Exception {
        Path guests = Files.createDirectory(tmp.resolve("guests"));
        String guest = Files.readString(Path.of("src/test/resources/samples/kvm-guest.xml"), StandardCharsets.UTF_8);
        for (int i = 0; i < 400; i++) {
            Files.writeString(guests.resolve("guest-" + i + ".xml"), guest);
        }
        List<String> optimized = optimizedVirtxmlMethods(tmp, guests, true);
        List<String> control = optimizedVirtxmlMethods(tmp, guests, false);

        assertThat(control)
                .as("the same lint with the directive turned off: virtxml's methods reach tier 4")
                .isNotEmpty();
        assertThat(optimized).as("virtxml's methods compiled at tier 4").isEmpty();
    }

    /** Runs {@code Main} over {@code folder} in a fresh JVM and returns virtxml's methods compiled at tier 4. */
    private static List<String> optimizedVirtxmlMethods(Path tmp, Path folder, boolean clientCompiler)
            throws IOException, InterruptedException {
        Path out = tmp.resolve("out-" + clientCompiler + ".txt");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+PrintCompilation",
                "-Dvirtxml.heapBound=false",
                "-Dvirtxml.clientCompiler=" + clientCompiler,
                "-cp",
                System.getProperty("java.class.path"),
                "org.virtxml.cli.Main",
                "lint",
                "--format",
                "json",
                folder.toString());
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit status (findings: 1)").isIn(0, 1);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).as("the report").anyMatch(l -> l.contains("guest-399.xml"));
        List<String> optimized = new ArrayList<>();
        for (String l : lines) {
            Matcher m = COMPILED.matcher(l);
            if (m.find() && m.group(1).equals("4") && m.group(2).startsWith("org.virtxml.")) {
                optimized.add(m.group(2));
            }
        }
        return optimized;
    }
}
