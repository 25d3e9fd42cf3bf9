package org.virtxml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.virtxml.edit.Change;
import org.virtxml.edit.EditRefusedException;
import org.virtxml.io.AtomicFiles;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.TerminalText;
import org.virtxml.model.DataSize;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Domain;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the authoring verbs share (spec/cli.md): reading FILE or {@code -} (standard input),
 * writing the result to standard output, {@code -o FILE} or back into FILE with {@code --write}
 * (atomically, byte-stable: only what changed is rewritten; {@code --drop-comments} leaves the
 * source's comments out), and the changes on
 * standard error, one a line; the exit statuses. The verbs say only what is their own.
 */
final class AuthoringIo {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream stdin;
    private final String verb;

    private AuthoringIo(String verb, PrintWriter out, PrintWriter err, InputStream stdin) {
        this.verb = verb;
        this.out = out;
        this.err = err;
        this.stdin = stdin;
    }

    /** For the running verb: its name, its standard output and error, and {@code stdin} for {@code -}. */
    static AuthoringIo of(CommandSpec spec, InputStream stdin) {
        return new AuthoringIo(
                spec.name(), spec.commandLine().getOut(), spec.commandLine().getErr(), stdin);
    }

    /** What an operation on a domain made: the document to write and what changed. */
    record Outcome(LibvirtDocument<?> document, List<Change> changes) {}

    /** An operation on the domain read from FILE ({@code source} is the document it was read from). */
    interface DomainOperation {
        Outcome apply(LibvirtDocument<?> source, Domain domain) throws EditRefusedException;
    }

    /** A document read, or the exit status to end with (the reason already printed). */
    record Loaded(LibvirtDocument<?> document, int status) {
        boolean ok() {
            return document != null;
        }
    }

    Loaded read(String arg) {
        try {
            if (arg.equals("-")) {
                return new Loaded(LibvirtXml.defaults().read(stdin, "<stdin>"), OK);
            }
            Path path = Path.of(arg);
            if (!Files.exists(path)) {
                err.println(arg + ": no such file");
                return new Loaded(null, USAGE);
            }
            if (!Files.isRegularFile(path)) {
                err.println(TerminalText.escape(arg)
                        + ": not a regular file: only regular files and standard input (-) are read");
                return new Loaded(null, USAGE);
            }
            if (!Files.isReadable(path)) {
                err.println(TerminalText.escape(arg) + ": cannot be read");
                return new Loaded(null, USAGE);
            }
            return new Loaded(LibvirtXml.defaults().readFile(path, null), OK);
        } catch (DocumentReadException e) {
            err.println(TerminalText.escape(e.problem().toString()));
            return new Loaded(null, FAILED);
        } catch (java.nio.file.InvalidPathException e) {
            err.println(arg + ": not a valid path");
            return new Loaded(null, USAGE);
        }
    }

    /**
     * The verbs that change a domain: reads FILE (USAGE when it is not a domain), applies the
     * operation (FAILED when refused, nothing written), writes the outcome where the options say and
     * then reports its changes.
     */
    int changeDomain(String input, OutputOptions output, DomainOperation operation) throws IOException {
        Loaded loaded = read(input);
        if (!loaded.ok()) {
            return loaded.status();
        }
        if (!(loaded.document().root() instanceof Domain domain)) {
            error(input + " is a " + loaded.document().kind().rootElement() + ", not a domain");
            return USAGE;
        }
        Outcome outcome;
        try {
            outcome = operation.apply(loaded.document(), domain);
        } catch (EditRefusedException e) {
            error("refused: " + e.getMessage());
            return FAILED;
        }
        int status = emit(outcome.document(), input, output.output, output.write, output.dropComments);
        if (status == OK) {
            report(outcome.changes());
        }
        return status;
    }

    /** Checks the output options before any work; a message and USAGE when they conflict, else OK. */
    int checkOutputOptions(String input, OutputOptions output) {
        boolean write = output.write;
        if (write && output.output != null) {
            err.println("virtxml " + verb + ": give either -o FILE or --write, not both");
            return USAGE;
        }
        if (write && (input == null || input.equals("-"))) {
            err.println("virtxml " + verb + ": --write needs a FILE to write back into, not standard input");
            return USAGE;
        }
        return OK;
    }

    /**
     * Writes the result where the options say: byte-stable (the source's bytes but for what the
     * operation changed), without the source's comments when asked.
     */
    private int emit(LibvirtDocument<?> result, String input, String outputFile, boolean write, boolean dropComments)
            throws IOException {
        Path target = write ? Path.of(input) : outputFile == null ? null : Path.of(outputFile);
        if (target != null) {
            if (dropComments) {
                AtomicFiles.write(target, result.writeWithoutComments().getBytes(StandardCharsets.UTF_8));
            } else {
                result.writeTo(target);
            }
        } else {
            String xml = dropComments ? result.writeWithoutComments() : result.write();
            out.print(xml);
            if (!xml.endsWith("\n")) {
                out.println();
            }
            out.flush();
        }
        return OK;
    }

    /** A new document (no source, so no comments to lose): to standard output or {@code outputFile}. */
    int emitNew(LibvirtDocument<?> result, String outputFile) throws IOException {
        return emit(result, null, outputFile, false, false);
    }

    void report(List<Change> changes) {
        for (Change c : changes) {
            err.println(TerminalText.escape(c.toString()));
        }
        err.flush();
    }

    /** A line on standard error while work goes on (a long copy starting). */
    void progress(String message) {
        err.println(TerminalText.escape(message));
        err.flush();
    }

    void error(String message) {
        err.println("virtxml " + verb + ": " + TerminalText.escape(message));
        err.flush();
    }

    /**
     * A SIZE argument as libvirt reads units ({@code 2G}, {@code 2GiB}, {@code 512MB}; a bare number is
     * bytes), kept with its unit so it is written as given.
     */
    static DataSize size(String arg) {
        return size(arg, Unit.BYTES);
    }

    /** A SIZE argument of {@code new}: as {@link #size(String)}, but a bare number is MiB, as virt-install reads it. */
    static DataSize sizeMib(String arg) {
        return size(arg, Unit.MIB);
    }

    private static DataSize size(String arg, Unit bare) {
        String s = arg.strip();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        String suffix = s.substring(i).strip();
        if (i == 0 || DataSize.parseSizeArgument(s).isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + arg + "' is not a size (a number and an optional unit: 2GiB, 512M, 4096)");
        }
        if (suffix.isEmpty()) {
            return DataSize.of(s.substring(0, i), bare.spelling());
        }
        return DataSize.of(s.substring(0, i), Unit.lookup(suffix).orElseThrow().spelling());
    }
}
