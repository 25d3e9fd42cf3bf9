package org.virtxml.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtxml.io.AtomicFiles;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml fmt FILE...}: the one normaliser. Each document read through the typed model and
 * written in normal form: libvirt's element order, two-space indentation, single quotes, comments
 * kept in place (spec/cli.md). Exit 0 = done; 1 = a document could not be read, or (--check) is
 * not in normal form; 2 = usage, a file that does not exist, or one that could not be written (the other
 * files are still done).
 */
@Command(
        name = "fmt",
        mixinStandardHelpOptions = true,
        description =
                "Write each document (domain, pool, volume, capabilities) in normal form: libvirt's element order,"
                        + " two-space indentation, single quotes, comments kept in place.")
public final class FmtCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to format.")
    private List<String> files;

    @Option(names = "--write", description = "Write back into each file, atomically.")
    private boolean write;

    @Option(names = "--check", description = "Only list the files not in normal form (exit 1 when there is one).")
    private boolean check;

    @Option(names = "--drop-comments", description = "Leave out the comments and processing instructions read.")
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
            byte[] bytes;
            LibvirtDocument<?> doc;
            try {
                bytes = LibvirtXml.defaults().readBytes(path);
                doc = LibvirtXml.defaults().read(new ByteArrayInputStream(bytes), f);
            } catch (DocumentReadException e) {
                err.println(TerminalText.escape(e.problem().toString()));
                status = Math.max(status, 1);
                continue;
            }
            String formatted = dropComments ? doc.normalizedWithoutComments() : doc.normalized();
            if (check) {
                // what --write would put in the file, byte for byte (the output is UTF-8 whatever the input's encoding)
                if (!Arrays.equals(formatted.getBytes(StandardCharsets.UTF_8), bytes)) {
                    out.println(TerminalText.escape(f));
                    status = Math.max(status, 1);
                }
            } else if (write) {
                try {
                    AtomicFiles.write(path, formatted.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the environment's failure (read-only, full, permissions): said with the path, the next file still
                    // done
                    err.println("virtxml fmt: " + TerminalText.escape(String.valueOf(e.getMessage())));
                    status = 2;
                }
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
