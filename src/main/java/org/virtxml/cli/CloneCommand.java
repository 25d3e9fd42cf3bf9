package org.virtxml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.Connectors;
import org.virtxml.edit.Change;
import org.virtxml.edit.CloneOptions;
import org.virtxml.edit.DiskCopy;
import org.virtxml.edit.DomainCloner;
import org.virtxml.edit.EditRefusedException;
import org.virtxml.edit.EditResult;
import org.virtxml.model.domain.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml clone --name NEW [--disk-path-pattern PATTERN] FILE}: a clone of a domain
 * definition with virt-clone's semantics (see {@link DomainCloner}); what changed goes to standard
 * error, one line per change, then one line per disk image the user must copy (the command to run). Exit 0 done; 1 the document could not be read or the clone was
 * refused (a running domain); 2 usage, a missing file, or a document that is not a domain.
 */
@Command(
        name = "clone",
        mixinStandardHelpOptions = true,
        description = "Clone a domain definition: new name, UUID, MACs, disk and nvram paths (virt-clone's semantics).")
public final class CloneCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The domain XML, or - for standard input.")
    private String file;

    @Option(names = "--name", required = true, paramLabel = "NEW", description = "Name of the clone.")
    private String name;

    @Option(
            names = "--disk-path-pattern",
            paramLabel = "PATTERN",
            description = "New disk and nvram paths from a pattern with {name} {dir} {file} {ext} {target} {index},"
                    + " e.g. /srv/vms/{name}-{target}.{ext}. Default: the old path with the old name replaced.")
    private String pattern;

    @Option(
            names = "--keep-hostdevs",
            description = "Keep the source's assigned host devices (hostdev, SR-IOV"
                    + " interfaces); by default the clone drops them, one line per device.")
    private boolean keepHostdevs;

    @Option(
            names = "--connect",
            paramLabel = "URI",
            description = "Clone on this host the disk images that are volumes"
                    + " of a storage pool (libvirt's volume clone); the others get their copy command.")
    private String connect;

    @Mixin
    private OutputOptions output;

    @Mixin
    private DebugOption debug;

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
        AuthoringIo io = AuthoringIo.of(spec, stdin);
        int usage = io.checkOutputOptions(file, output);
        if (usage != AuthoringIo.OK) {
            return usage;
        }
        CloneOptions options;
        try {
            options = new CloneOptions(name, pattern, keepHostdevs);
        } catch (IllegalArgumentException e) {
            io.error(e.getMessage());
            return AuthoringIo.USAGE;
        }
        if (connect == null) {
            return io.changeDomain(file, output, (document, source) -> {
                EditResult<Domain> clone = DomainCloner.withRandom(random).clone(source, options);
                List<Change> lines = new ArrayList<>(clone.changes());
                for (DiskCopy copy : DomainCloner.copiesFor(source, clone.root())) {
                    lines.add(new Change(copy.path(), copy.instruction()));
                }
                return new AuthoringIo.Outcome(document.withRoot(clone.root()), lines);
            });
        }
        try (Connector host = Connectors.open(connect)) {
            return io.changeDomain(file, output, (document, source) -> {
                EditResult<Domain> clone = DomainCloner.withRandom(random).clone(source, options);
                List<Change> lines = new ArrayList<>(clone.changes());
                try {
                    lines.addAll(new PoolVolumeCopies(host)
                            .copy(DomainCloner.copiesFor(source, clone.root()), io::progress));
                } catch (ConnectorException e) {
                    throw new EditRefusedException(connect + ": " + e.getMessage());
                }
                return new AuthoringIo.Outcome(document.withRoot(clone.root()), lines);
            });
        } catch (ConnectorException e) {
            io.error(connect + ": " + e.getMessage());
            return AuthoringIo.USAGE;
        }
    }
}
