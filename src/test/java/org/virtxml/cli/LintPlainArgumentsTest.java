package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code lint}'s plain arguments, read without picocli ({@link LintCommand#withPlainArguments}),
 * make the same command as picocli makes of them, option by option; every other command line is
 * left to picocli; and {@link Main#run} prints the same and ends the same either way.
 */
class LintPlainArgumentsTest {

    private static final String GUEST = "src/test/resources/samples/kvm-guest.xml";
    private static final String FLAWED = "src/test/resources/samples/flawed";

    /** Command lines (after {@code lint}) that are plain. */
    private static final List<List<String>> PLAIN = List.of(
            List.of("a.xml"),
            List.of("a.xml", "dir", "b.xml"),
            List.of("--format", "json", "a.xml"),
            List.of("--format=sarif", "a.xml"),
            List.of("a.xml", "--format", "junit"),
            List.of("--fail-on", "warning", "--format", "github", "a.xml"),
            List.of("--disable", "boot-dev-invalid", "a.xml"),
            List.of("--disable", "boot-dev-invalid,name-unportable", "a.xml"),
            List.of("--disable= boot-dev-invalid , name-unportable", "a.xml"),
            List.of("--debug", "a.xml"),
            List.of("a.xml", "--debug", "--host-local"),
            List.of("--host", "caps.xml", "--host-memory", "64G", "--host-swap", "8G", "a.xml"),
            List.of("--domcaps", "domcaps.xml", "a.xml"),
            List.of("--qemu", "9.2", "--schemas", "installed", "a.xml"),
            List.of("--schemas=/usr/share/libvirt/schemas", "a.xml"),
            List.of("--format", "nonsense", "a.xml"),
            List.of("--fail-on", "fatal", "a.xml"),
            List.of("lint", "a.xml"),
            List.of("a b.xml", "ü.xml"));

    /** Command lines (after {@code lint}) left to picocli. */
    private static final List<List<String>> NOT_PLAIN = List.of(
            List.of(),
            List.of("--help"),
            List.of("-h"),
            List.of("--version"),
            List.of("-V", "a.xml"),
            List.of("--format", "json"),
            List.of("a.xml", "--format"),
            List.of("--format", "json", "--format", "text", "a.xml"),
            List.of("--debug", "--debug", "a.xml"),
            List.of("--debug=true", "a.xml"),
            List.of("--format", "--debug", "a.xml"),
            List.of("--format=", "a.xml"),
            List.of("--disable", "a,,b", "a.xml"),
            List.of("--disable", ",a", "a.xml"),
            List.of("--disable", "\"a,b\"", "a.xml"),
            List.of("--disable", "a", "--disable", "b", "a.xml"),
            List.of("--connect", "test:///default", "a.xml"),
            List.of("--timeout", "5", "a.xml"),
            List.of("--host-cores", "4", "a.xml"),
            List.of("--unknown", "a.xml"),
            List.of("-", "a.xml"),
            List.of("--", "a.xml"),
            List.of("@args.txt"),
            List.of("", "a.xml"));

    @Test
    void plainArgumentsMakeTheCommandPicocliMakes() throws Exception {
        for (List<String> args : PLAIN) {
            Optional<LintCommand> plain = LintCommand.withPlainArguments(args);
            assertThat(plain).as("plain: %s", args).isPresent();
            LintCommand parsed = new LintCommand();
            new CommandLine(parsed).parseArgs(args.toArray(String[]::new));
            assertThat(options(plain.get())).as("options of %s", args).isEqualTo(options(parsed));
        }
    }

    @Test
    void everyOtherCommandLineIsLeftToPicocli() {
        for (List<String> args : NOT_PLAIN) {
            assertThat(LintCommand.withPlainArguments(args))
                    .as("not plain: %s", args)
                    .isEmpty();
        }
    }

    @Test
    void mainPrintsAndEndsTheSameEitherWay() {
        List<List<String>> runs = List.of(
                List.of(GUEST),
                List.of(GUEST, FLAWED),
                List.of("--format", "json", GUEST, FLAWED),
                List.of("--format=sarif", FLAWED),
                List.of("--fail-on", "info", "--disable", "vcpu-current-exceeds-max", FLAWED),
                List.of("--format", "nonsense", GUEST),
                List.of("--disable", "no-such-rule", GUEST),
                List.of("src/test/resources/samples/no-such-file.xml"));
        for (List<String> args : runs) {
            assertThat(LintCommand.withPlainArguments(args))
                    .as("plain: %s", args)
                    .isPresent();
            List<String> line = new ArrayList<>(List.of("lint"));
            line.addAll(args);
            String[] argv = line.toArray(String[]::new);
            Output viaMain = main(argv);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine picocli = Main.commandLine();
            picocli.setOut(new PrintWriter(out));
            picocli.setErr(new PrintWriter(err));
            int status = picocli.execute(argv);
            assertThat(viaMain).as("%s", args).isEqualTo(new Output(status, out.toString(), err.toString()));
            assertThat(viaMain.status()).as("%s", args).isIn(0, 1, 2);
        }
    }

    /** What a run printed, and how it ended. */
    private record Output(int status, String out, String err) {}

    private static Output main(String[] argv) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(argv);
            System.out.flush();
            System.err.flush();
            return new Output(
                    status,
                    out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
                    err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    /** Every option field of the command (the connection timeout's too), by name. */
    private static Map<String, Object> options(LintCommand c) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : LintCommand.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("spec")) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(c);
            if (v instanceof ConnectTimeoutOption t) {
                v = "timeout " + t.seconds;
            }
            values.put(f.getName(), v);
        }
        assertThat(values).containsKeys("paths", "format", "failOn", "disable", "debug", "timeout");
        return values;
    }
}
