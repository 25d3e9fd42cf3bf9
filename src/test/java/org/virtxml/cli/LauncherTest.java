package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/virtxml} runs the command line as {@code java -jar} does: the same standard output,
 * error output and exit status, on Java 17 with its class-data sharing archive (first run, which
 * makes it, and second, which uses it) and, where a Java 25 is installed, with its ahead-of-time
 * cache (trained before the run). The jar is made here from the compiled classes, with the
 * dependencies on its manifest's class path; the launcher is pointed at it by VIRTXML_JAR. Not timed.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("bin", "virtxml");
    private static final Path JAVA25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final List<String> ARGS =
            List.of("lint", "src/test/resources/samples/kvm-guest.xml", "src/test/resources/samples/flawed");

    @TempDir
    static Path dir;

    private static Path jar;

    /** What a run printed, and how it ended. */
    private record Run(int status, String out, String err) {}

    @BeforeAll
    static void makeJar() throws IOException {
        List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path library = dir.resolve("virtxml-classes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(library));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        String deps = classPath.stream()
                .filter(p -> p.endsWith(".jar"))
                .map(p -> Path.of(p).toUri().toString())
                .collect(Collectors.joining(" "));
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, library.toUri() + " " + deps);
        jar = dir.resolve("virtxml.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    @Test
    void launcherOnJava17PrintsWhatJavaJarPrints() throws Exception {
        Run plain = run(javaJar(), Map.of());
        assertThat(plain.status()).isEqualTo(ExitCode.FINDINGS);
        assertThat(plain.out()).contains("[vcpu-current-exceeds-max]");
        Path cache = Files.createDirectories(dir.resolve("cache-17"));
        Map<String, String> env =
                Map.of("VIRTXML_JAR", jar.toString(), "VIRTXML_CACHE", cache.toString(), "VIRTXML_NO_AOT", "1");
        Run first = run(launcher(), env);
        Run second = run(launcher(), env);
        assertThat(first).isEqualTo(plain);
        assertThat(second).isEqualTo(plain);
    }

    @Test
    void launcherOnJava25WithItsCachePrintsWhatJavaJarPrints() throws Exception {
        if (!Files.isExecutable(JAVA25)) {
            String msg = "SKIPPED: no Java 25 at " + JAVA25 + ": the launcher's ahead-of-time cache is not tried";
            System.out.println(msg);
            Assumptions.abort(msg);
        }
        Run plain = run(javaJar(), Map.of());
        Path cache = Files.createDirectories(dir.resolve("cache-25"));
        Map<String, String> env = Map.of(
                "VIRTXML_JAR",
                jar.toString(),
                "VIRTXML_CACHE",
                cache.toString(),
                "VIRTXML_JAVA25",
                JAVA25.toString(),
                "VIRTXML_AOT_WAIT",
                "1");
        Run trained = run(launcher(), env);
        assertThat(cache.resolve("virtxml.aot"))
                .as("the cache trained before the run")
                .isRegularFile();
        Run cached = run(launcher(), env);
        assertThat(trained).isEqualTo(plain);
        assertThat(cached).isEqualTo(plain);
    }

    private static List<String> javaJar() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        cmd.addAll(ARGS);
        return cmd;
    }

    private static List<String> launcher() {
        List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        cmd.addAll(ARGS);
        return cmd;
    }

    private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        // the launcher's Java 17 path runs the `java` on the PATH: the one running this test
        ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .map(Path::getParent)
                .ifPresent(bin -> pb.environment()
                        .put("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "")));
        int status = pb.start().waitFor();
        return new Run(
                status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
