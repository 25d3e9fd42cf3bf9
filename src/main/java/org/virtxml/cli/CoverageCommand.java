package org.virtxml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtxml.coverage.CoverageReport;
import org.virtxml.coverage.DocumentCoverage;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.TerminalText;
import org.virtxml.io.XmlFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml coverage PATH... [--format json]}: per document kind, how many element and
 * attribute occurrences the typed model holds and how many it keeps as-is, with the kept paths.
 * Unreadable documents and other kinds are listed apart and do not fail the run.
 */
@Command(
        name = "coverage",
        mixinStandardHelpOptions = true,
        description = "Report how much of the documents the typed model holds, and what it keeps as-is.")
public final class CoverageCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format {
        text,
        json
    }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders searched for *.xml.")
    private List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files;
        try {
            files = XmlFiles.collect(paths);
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ": no such file or folder");
            return ExitCode.USAGE;
        } catch (FileSystemException e) {
            err.println(TerminalText.escape(e.getMessage()));
            return ExitCode.USAGE;
        }
        CoverageReport report = new CoverageReport();
        for (Path f : files) {
            try {
                report.add(DocumentCoverage.of(LibvirtXml.defaults().readFile(f, null)));
            } catch (DocumentReadException e) {
                report.addUnreadable(e.problem().toString());
            }
        }
        if (format == Format.json) {
            report.writeJson(out);
        } else {
            report.writeText(out);
        }
        out.flush();
        return ExitCode.DONE;
    }
}
