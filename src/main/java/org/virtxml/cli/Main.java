package org.virtxml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code virtxml VERB ...}: the command line of the SDK (see the README for the verbs). */
@Command(name = "virtxml", mixinStandardHelpOptions = true, version = "virtxml 0.1.0",
        description = "Typed, lossless libvirt XML: format, lint, author and apply libvirt documents.",
        subcommands = {FmtCommand.class, NewCommand.class, CloneCommand.class, EditCommand.class, DiffCommand.class,
                DescribeCommand.class, LintCommand.class, CoverageCommand.class, HostCommand.class, ApplyCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0, 1 or 2; see the README). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** The command line with the contract's usage exit status (2). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.getCommandSpec().exitCodeOnInvalidInput(2);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(2);
            sub.getCommandSpec().exitCodeOnExecutionException(2);
        }
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("virtxml: internal error: " + ex);
            if (java.util.Arrays.asList(parsed.originalArgs()).contains("--debug")) {
                ex.printStackTrace(line.getErr());
            }
            return 2;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }
}
