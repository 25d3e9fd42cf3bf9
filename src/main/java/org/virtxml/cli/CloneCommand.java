package org.virtxml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.virtxml.edit.CloneOptions;
import org.virtxml.edit.DomainCloner;
import org.virtxml.edit.EditRefusedException;
import org.virtxml.edit.EditResult;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.domain.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml clone --name NEW [--disk-path-pattern PATTERN] FILE}: a clone of a domain
 * definition with virt-clone's semantics (see {@link DomainCloner}); what changed goes to standard
 * error, one line per change. Exit 0 done; 1 the document could not be read or the clone was
 * refused (a running domain); 2 usage, a missing file, or a document that is not a domain.
 */
@Command(name = "clone", mixinStandardHelpOptions = true,
        description = "Clone a domain definition: new name, UUID, MACs, disk and nvram paths (virt-clone's semantics).")
public final class CloneCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The domain XML, or - for standard input.")
    private String file;

    @Option(names = "--name", required = true, paramLabel = "NEW", description = "Name of the clone.")
    private String name;

    @Option(names = "--disk-path-pattern", paramLabel = "PATTERN",
            description = "New disk and nvram paths from a pattern with {name} {dir} {file} {ext} {target} {index},"
                    + " e.g. /srv/vms/{name}-{target}.{ext}. Default: the old path with the old name replaced.")
    private String pattern;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the clone to FILE (atomically).")
    private String output;

    @Option(names = "--write", description = "Write the clone back into FILE (atomically).")
    private boolean write;

    @Option(names = "--drop-comments", description = "Write even when the source holds comments (they are dropped).")
    private boolean dropComments;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    private final RandomGenerator random;
    private final InputStream stdin;

    public CloneCommand() {
        this(new java.security.SecureRandom(), System.in);
    }

    /** For tests: UUIDs and MACs drawn from {@code random}, standard input from {@code stdin}. */
    CloneCommand(RandomGenerator random, InputStream stdin) {
        this.random = random;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuthoringIo io = new AuthoringIo("clone", out, err, stdin);
        int usage = io.checkOutputOptions(file, output, write);
        if (usage != AuthoringIo.OK) {
            return usage;
        }
        CloneOptions options;
        try {
            options = new CloneOptions(name, pattern);
        } catch (IllegalArgumentException e) {
            io.error(e.getMessage());
            return AuthoringIo.USAGE;
        }
        AuthoringIo.Loaded loaded = io.read(file);
        if (!loaded.ok()) {
            return loaded.status();
        }
        if (!(loaded.document().root() instanceof Domain source)) {
            io.error(file + " is a " + loaded.document().kind().rootElement() + ", not a domain");
            return AuthoringIo.USAGE;
        }
        EditResult<Domain> result;
        try {
            result = new DomainCloner(random).clone(source, options);
        } catch (EditRefusedException e) {
            io.error("refused: " + e.getMessage());
            return AuthoringIo.FAILED;
        }
        int status = io.emit(LibvirtDocument.of(result.root()), loaded.document().commentsAndProcessingInstructions(),
                file, output, write, dropComments);
        if (status == AuthoringIo.OK) {
            io.report(result.changes());
        }
        return status;
    }
}
