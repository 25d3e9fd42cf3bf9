package org.virtxml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.Connectors;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.TerminalText;
import org.virtxml.lint.InternalFailure;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.RuleCatalog;
import org.virtxml.lint.Severity;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.HostProfileException;
import org.virtxml.lint.report.ReportFormat;
import org.virtxml.lint.report.ReportFormats;
import org.virtxml.model.DataSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml lint [options] PATH...}: lints libvirt documents (files, or folders searched
 * recursively for {@code *.xml}) and prints the findings. Exit status: 0 = nothing at or above
 * the fail level, 1 = findings at or above it, 2 = usage error, a path that does not exist or
 * cannot be opened, or a failure of the tool.
 */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Lint libvirt documents (domain, pool, volume, capabilities) against libvirt's rules.")
public final class LintCommand implements Callable<Integer> {

    /** {@code --format} and {@code --fail-on} when not given, to picocli and to {@link #withPlainArguments}. */
    private static final String DEFAULT_FORMAT = "text";

    private static final String DEFAULT_FAIL_ON = "error";

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders searched for *.xml.")
    private List<Path> paths = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = DEFAULT_FORMAT,
            description = "text, json, sarif, junit or github (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            defaultValue = DEFAULT_FAIL_ON,
            description = "error, warning or info (default: ${DEFAULT-VALUE}).")
    private String failOn;

    @Option(names = "--host", paramLabel = "FILE", description = "Host capabilities XML (virsh capabilities).")
    private Path hostFile;

    @Option(names = "--host-cores", paramLabel = "N", description = "Host physical cores.")
    private Integer hostCores;

    @Option(names = "--host-memory", paramLabel = "SIZE", description = "Host RAM (e.g. 64G, 65536MiB).")
    private String hostMemory;

    @Option(names = "--host-swap", paramLabel = "SIZE", description = "Host swap (e.g. 8G).")
    private String hostSwap;

    @Option(names = "--host-local", description = "Use this machine as the host.")
    private boolean hostLocal;

    @Option(
            names = "--domcaps",
            paramLabel = "FILE",
            description = "Domain capabilities XML (virsh domcapabilities) of the hypervisor that will run the guests.")
    private Path domcapsFile;

    @Option(
            names = "--qemu",
            paramLabel = "VERSION",
            description = "Check guests against a shipped profile of a real QEMU: 6.2, 7.2, 8.2, 9.2, 10.0 (x86_64;"
                    + " 9.2+amdsev, 10.0+amdsev with AMD SEV).")
    private String qemu;

    @Option(
            names = "--connect",
            paramLabel = "URI",
            description =
                    "Read the domain capabilities (virsh domcapabilities) of the host at URI, for its default emulator.")
    private String connect;

    @Mixin
    private ConnectTimeoutOption timeout;

    @Option(
            names = "--schemas",
            paramLabel = "DIR|installed",
            description = "Check against libvirt's RELAX NG schemas in DIR, or the installed ones.")
    private String schemas;

    @Option(names = "--disable", paramLabel = "RULE[,RULE]", split = ",", description = "Rules to turn off.")
    private List<String> disable = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    /** A usage problem found while reading the options. */
    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * The command these arguments (those after {@code lint}) ask for, read without picocli, or
     * empty when they are not plain: plain arguments are paths that do not start with {@code -} or
     * {@code @}, and the options below, each given once, as {@code --name value} or
     * {@code --name=value}, with a value that does not start with {@code -}. Anything else
     * (help, version, {@code --connect}, {@code --timeout}, {@code --host-cores}, a repeated
     * option, an argument file, a usage error) is left to picocli, which reads the same plain
     * arguments to the same command ({@code LintPlainArgumentsTest}): a one-file lint then does
     * not pay for picocli's start (its classes and its reflection over the command).
     */
    static Optional<LintCommand> withPlainArguments(List<String> args) {
        LintCommand c = new LintCommand();
        c.format = DEFAULT_FORMAT;
        c.failOn = DEFAULT_FAIL_ON;
        c.timeout = new ConnectTimeoutOption();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.isEmpty() || arg.charAt(0) == '@') {
                return Optional.empty();
            }
            if (arg.charAt(0) != '-') {
                c.paths.add(Path.of(arg));
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!seen.add(name)) {
                return Optional.empty();
            }
            if ("--debug".equals(name) || "--host-local".equals(name)) {
                if (eq >= 0) {
                    return Optional.empty();
                }
                c.debug |= "--debug".equals(name);
                c.hostLocal |= "--host-local".equals(name);
                continue;
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@' || !c.plainOption(name, value)) {
                return Optional.empty();
            }
        }
        return c.paths.isEmpty() ? Optional.empty() : Optional.of(c);
    }

    /** Sets the option {@code name} of a plain command line to {@code value}; false when not a plain one. */
    private boolean plainOption(String name, String value) {
        switch (name) {
            case "--format" -> format = value;
            case "--fail-on" -> failOn = value;
            case "--host" -> hostFile = Path.of(value);
            case "--host-memory" -> hostMemory = value;
            case "--host-swap" -> hostSwap = value;
            case "--domcaps" -> domcapsFile = Path.of(value);
            case "--qemu" -> qemu = value;
            case "--schemas" -> schemas = value;
            case "--disable" -> {
                // picocli's split keeps quoted parts together and empty parts: those are left to it
                if (value.indexOf('"') >= 0 || value.startsWith(",") || value.endsWith(",") || value.contains(",,")) {
                    return false;
                }
                disable.addAll(List.of(value.split(",")));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs the lint, printing the report to {@code out} and the summary and problems to {@code err}. */
    int run(PrintWriter out, PrintWriter err) {
        try {
            ReportFormat reportFormat = ReportFormats.byName(format)
                    .orElseThrow(() -> new UsageException("unknown --format '" + format + "' (expected one of "
                            + String.join(", ", ReportFormats.names()) + ")"));
            Severity level = Severity.parse(failOn)
                    .orElseThrow(() ->
                            new UsageException("unknown --fail-on '" + failOn + "' (expected error, warning or info)"));
            Linter linter = linter(level);
            LintReport report = linter.lint(paths);
            reportFormat.write(report, level, out);
            out.flush();
            if ("text".equals(format)) {
                err.println(report.summary().describe());
            }
            for (InternalFailure f : report.failures()) {
                err.println("virtxml lint: internal error: rule " + f.rule() + " failed on "
                        + TerminalText.escape(f.file()) + (debug ? ":" : " (--debug shows the trace)"));
                if (debug) {
                    f.cause().printStackTrace(err);
                }
            }
            if (!report.failures().isEmpty()) {
                return ExitCode.USAGE; // a failure of the tool: exit 2, as the contract says
            }
            return report.failsAt(level) ? ExitCode.FINDINGS : ExitCode.DONE;
        } catch (UsageException e) {
            err.println("virtxml lint: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (NoSuchFileException e) {
            err.println("virtxml lint: " + e.getFile() + ": no such file or folder");
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("virtxml lint: cannot read: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            err.println("virtxml lint: internal error: " + e);
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCode.USAGE;
        } finally {
            err.flush();
        }
    }

    private Linter linter(Severity level) throws UsageException, IOException {
        Linter.Builder b = Linter.builder().failOn(level);
        for (String rule : disable) {
            if (!RuleCatalog.contains(rule.trim())) {
                throw new UsageException("unknown rule '" + rule + "' in --disable");
            }
            b.disable(rule.trim());
        }
        HostProfile host = host();
        if (host != null) {
            b.host(host);
        }
        if ((domcapsFile != null ? 1 : 0) + (qemu != null ? 1 : 0) + (connect != null ? 1 : 0) > 1) {
            throw new UsageException("give one of --domcaps FILE, --qemu VERSION and --connect URI, not several");
        }
        if (timeout.problem() != null) {
            throw new UsageException(timeout.problem());
        }
        if (connect != null) {
            String xml;
            try (Connector c = Connectors.open(connect, timeout.options())) {
                xml = c.domainCapabilitiesXml(null, null, null, null);
            } catch (ConnectorException e) {
                throw new UsageException(
                        "cannot read the domain capabilities: " + ConnectTimeoutOption.describe(connect, e));
            }
            try {
                b.domainCapabilities(org.virtxml.lint.host.DomainCapabilities.parse(xml, connect));
            } catch (HostProfileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (domcapsFile != null) {
            if (!Files.exists(domcapsFile)) {
                throw new NoSuchFileException(domcapsFile.toString());
            }
            try {
                b.domainCapabilities(org.virtxml.lint.host.DomainCapabilities.parse(
                        org.virtxml.io.TextDecoder.decode(
                                LibvirtXml.defaults().readBytes(domcapsFile), domcapsFile.toString()),
                        domcapsFile.toString()));
            } catch (HostProfileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (qemu != null) {
            try {
                b.qemu(qemu);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (schemas != null) {
            Path dir = "installed".equals(schemas) ? Path.of("/usr/share/libvirt/schemas") : Path.of(schemas);
            try {
                b.schemas(dir);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return b.build();
    }

    private HostProfile host() throws UsageException, IOException {
        if (hostLocal && hostFile != null) {
            throw new UsageException("give either --host FILE or --host-local, not both");
        }
        HostProfile base = null;
        if (hostFile != null) {
            if (!java.nio.file.Files.exists(hostFile)) {
                throw new NoSuchFileException(hostFile.toString());
            }
            try {
                base = HostProfile.fromCapabilitiesXml(org.virtxml.io.TextDecoder.decode(
                        LibvirtXml.defaults().readBytes(hostFile), hostFile.toString()));
            } catch (HostProfileException e) {
                throw new UsageException(hostFile + ": " + e.getMessage());
            }
        } else if (hostLocal) {
            base = HostProfile.local();
        }
        HostProfile.Builder explicit = HostProfile.builder();
        boolean any = false;
        if (hostCores != null) {
            if (hostCores < 1) {
                throw new UsageException("--host-cores must be a positive number: " + hostCores);
            }
            explicit.physicalCores(hostCores);
            any = true;
        }
        if (hostMemory != null) {
            explicit.memoryBytes(size("--host-memory", hostMemory));
            any = true;
        }
        if (hostSwap != null) {
            explicit.swapBytes(size("--host-swap", hostSwap));
            any = true;
        }
        if (!any) {
            return base;
        }
        return base == null ? explicit.build() : base.overriddenBy(explicit.build());
    }

    private static long size(String option, String value) throws UsageException {
        OptionalLong bytes = DataSize.parseSizeArgument(value);
        if (bytes.isEmpty()) {
            throw new UsageException(option + ": not a size: '" + value + "' (a number and an optional unit such as"
                    + " KiB, M, GiB, TB; a bare number is bytes)");
        }
        return bytes.getAsLong();
    }
}
