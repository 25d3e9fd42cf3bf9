package org.virtxml.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml fmt FILE...}: each document read through the typed model and written back
 * (spec/cli.md). Exit 0 = done; 1 = a document could not be read, or (--check) would change;
 * 2 = usage, or a file that does not exist.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Read each document (domain, pool, volume, capabilities) through the typed model and write it back.")
public final class FmtCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to format.")
    private List<String> files;

    @Option(names = "--write", description = "Write back into each file, atomically.")
    private boolean write;

    @Option(names = "--check", description = "Only report the files whose output would differ.")
    private boolean check;

    @Option(names = "--drop-comments", description = "With --write: rewrite files holding comments or processing instructions (they are dropped).")
    private boolean dropComments;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (write && check) {
            err.println("virtxml fmt: --write and --check cannot be used together");
            return ExitCode.USAGE;
        }
        for (String f : files) {
            if (!Files.exists(Path.of(f))) {
                err.println(f + ": no such file");
                return ExitCode.USAGE;
            }
        }
        int status = 0;
        for (String f : files) {
            Path path = Path.of(f);
            LibvirtDocument<?> doc;
            try {
                doc = LibvirtXml.defaults().readFile(path, null);
            } catch (DocumentReadException e) {
                err.println(e.problem());
                status = 1;
                continue;
            }
            String formatted = doc.write();
            if (check) {
                if (!formatted.equals(Files.readString(path))) {
                    out.println(f);
                    status = 1;
                }
            } else if (write) {
                if (doc.commentsAndProcessingInstructions() > 0 && !dropComments) {
                    err.println(f + ": not rewritten: it holds comments or processing instructions, which the model"
                            + " does not keep (use --drop-comments to rewrite it without them)");
                    status = 1;
                    continue;
                }
                doc.writeTo(path);
            } else {
                if (files.size() > 1) {
                    out.println("<!-- " + f + " -->");
                }
                out.print(formatted);
            }
        }
        out.flush();
        return status;
    }
}
