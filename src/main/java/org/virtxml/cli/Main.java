package org.virtxml.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import org.virtxml.io.TerminalText;
import org.virtxml.lint.Linter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code virtxml VERB ...}: the command line of the SDK (see the README for the verbs). */
@Command(
        name = "virtxml",
        mixinStandardHelpOptions = true,
        version = "virtxml 0.1.0",
        description = "Typed, lossless libvirt XML: format, lint, author and apply libvirt documents.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        HeapBound.start(); // the process is the command line's own: its heap may be watched
        if (ClientCompiler.suits(List.of(args))) {
            ClientCompiler.select(); // a long lint: the client compiler only, as bin/virtxml
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0, 1 or 2; see the README). */
    public static int run(String... args) {
        String verb = args.length > 0 ? args[0] : "";
        if ("lint".equals(verb)) {
            Linter.warmUp();
            // plain arguments (paths and simple options) are read without picocli: see LintCommand
            Optional<LintCommand> plain =
                    LintCommand.withPlainArguments(List.of(args).subList(1, args.length));
            if (plain.isPresent()) {
                return plain.get()
                        .run(
                                writer(System.out, System.getProperty("sun.stdout.encoding")),
                                writer(System.err, System.getProperty("sun.stderr.encoding")));
            }
        }
        // a verb: only its command is built; --version needs none (the usage of --help lists them all)
        boolean version = args.length == 1 && ("--version".equals(verb) || "-V".equals(verb));
        CommandLine cl = commandLine(VERBS.contains(verb) ? List.of(verb) : version ? List.of() : VERBS);
        return cl.execute(args);
    }

    /**
     * A writer to a standard stream as picocli makes it for its commands' {@code getOut()} and
     * {@code getErr()}: buffered, flushed on each line, in the encoding the JVM names for that
     * stream, else the default one.
     */
    private static PrintWriter writer(OutputStream stream, String encoding) {
        Charset charset = Charset.defaultCharset();
        if (encoding != null) {
            try {
                charset = Charset.forName("cp65001".equalsIgnoreCase(encoding) ? "UTF-8" : encoding);
            } catch (IllegalArgumentException unknown) {
                // the default charset, as picocli falls back to
            }
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /** The command line with every verb, and the contract's usage exit status (2). */
    public static CommandLine commandLine() {
        return commandLine(VERBS);
    }

    /** The verbs, in the order the usage lists them. */
    private static final List<String> VERBS =
            List.of("fmt", "new", "clone", "edit", "diff", "describe", "lint", "coverage", "host", "apply");

    /** A new command object for a verb of {@link #VERBS}. */
    private static Object command(String verb) {
        return switch (verb) {
            case "fmt" -> new FmtCommand();
            case "new" -> new NewCommand();
            case "clone" -> new CloneCommand();
            case "edit" -> new EditCommand();
            case "diff" -> new DiffCommand();
            case "describe" -> new DescribeCommand();
            case "lint" -> new LintCommand();
            case "coverage" -> new CoverageCommand();
            case "host" -> new HostCommand();
            case "apply" -> new ApplyCommand();
            default -> throw new IllegalArgumentException("not a verb: " + verb);
        };
    }

    /**
     * The command line with the given verbs. {@link #run} registers only the verb being run when
     * the first argument names one: picocli then reflects over that command alone, which parses
     * the same arguments the same way and shortens the start.
     */
    private static CommandLine commandLine(List<String> verbs) {
        CommandLine cl = new CommandLine(new Main());
        for (String verb : verbs) {
            cl.addSubcommand(verb, command(verb));
        }
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
            sub.getCommandSpec().exitCodeOnExecutionException(ExitCode.USAGE);
        }
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            Throwable environment = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
            if (environment instanceof java.io.IOException io) {
                // the environment's failure (a read-only or full file system, a missing folder), said with its path
                line.getErr()
                        .println("virtxml " + line.getCommandName() + ": "
                                + TerminalText.escape(String.valueOf(io.getMessage())));
                return 2;
            }
            line.getErr().println("virtxml: internal error: " + ex);
            if (java.util.Arrays.asList(parsed.originalArgs()).contains("--debug")) {
                ex.printStackTrace(line.getErr());
            }
            return ExitCode.USAGE;
        });
        return cl;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
