package org.virtxml.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.virtxml.edit.Describer;
import org.virtxml.edit.Summary;
import org.virtxml.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml describe FILE [--format text|json]}: a readable summary of a domain, pool or
 * volume. Exit 0 done; 1 the document could not be read; 2 usage or a missing file.
 */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = "Summarize a domain (vCPUs, memory, disks, NICs, boot order), pool or volume.")
public final class DescribeCommand implements Callable<Integer> {

    /** Output formats of this verb. */
    public enum Format {
        text,
        json
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The document, or - for standard input.")
    private String file;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Mixin
    private DebugOption debug;

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;

    public DescribeCommand() {
        this(System.in);
    }

    DescribeCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        AuthoringIo io = AuthoringIo.of(spec, stdin);
        AuthoringIo.Loaded loaded = io.read(file);
        if (!loaded.ok()) {
            return loaded.status();
        }
        Summary s = Describer.describe(loaded.document().root());
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? s.toJson() : TerminalText.escapeLines(s.toText()));
        out.flush();
        return AuthoringIo.OK;
    }
}
