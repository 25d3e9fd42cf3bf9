package org.virtxml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.host.HostCheck;
import org.virtxml.lint.host.HostChecks;
import org.virtxml.lint.host.HostEnvironment;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.HostProfileException;
import org.virtxml.lint.host.HostReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml host [--local | FILE] [--format text|json]}: the host profile (cores, threads,
 * memory, swap, virtualization support, domain types) and the KVM host checks. Without FILE the
 * machine it runs on is examined (as with {@code --local}); FILE is libvirt capabilities XML as
 * {@code virsh capabilities} prints it. Exit status: 0 = no check failed, 1 = some check failed,
 * 2 = usage error, FILE missing, unreadable or not capabilities XML, or a failure of the tool.
 */
@Command(
        name = "host",
        mixinStandardHelpOptions = true,
        description = "Print the host profile and the KVM host checks (PASS/WARN/FAIL with a hint each).")
public final class HostCommand implements Callable<Integer> {

    /** Output formats of this verb. */
    public enum Format {
        text,
        json
    }

    @Option(names = "--local", description = "Examine this machine (the default without FILE).")
    private boolean local;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "libvirt capabilities XML (virsh capabilities).")
    private Path file;

    @Option(
            names = "--connect",
            paramLabel = "URI",
            description =
                    "Examine the host behind a libvirt connection (qemu:///system, test:///default, qemu+tcp://HOST/system, mem:///NAME).")
    private String connect;

    @picocli.CommandLine.Mixin
    private ConnectTimeoutOption timeout;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    private final HostEnvironment environment;

    public HostCommand() {
        this(HostEnvironment.system());
    }

    /** For tests: examine the machine {@code environment} describes. */
    HostCommand(HostEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if ((local ? 1 : 0) + (file != null ? 1 : 0) + (connect != null ? 1 : 0) > 1) {
                err.println("virtxml host: give either --local or FILE or --connect URI, not more than one");
                return ExitCode.USAGE;
            }
            HostReport report;
            if (connect != null) {
                HostProfile profile;
                if (timeout.problem() != null) {
                    err.println("virtxml host: " + timeout.problem());
                    return ExitCode.USAGE;
                }
                try (org.virtxml.connect.Connector c =
                        org.virtxml.connect.Connectors.open(connect, timeout.options())) {
                    profile = org.virtxml.apply.ConnectionProfile.of(c);
                } catch (org.virtxml.connect.ConnectorException e) {
                    err.println("virtxml host: " + ConnectTimeoutOption.describe(connect, e));
                    return ExitCode.USAGE;
                } catch (HostProfileException e) {
                    err.println("virtxml host: " + connect + ": " + e.getMessage());
                    return ExitCode.USAGE;
                }
                report = new HostReport(profile, HostChecks.forProfile(profile));
            } else if (file != null) {
                String xml;
                try {
                    xml = org.virtxml.io.TextDecoder.decode(
                            LibvirtXml.defaults().readBytes(file), file.toString());
                } catch (org.virtxml.io.DocumentReadException e) {
                    err.println("virtxml host: " + file + ": cannot read: "
                            + e.problem().message());
                    return ExitCode.USAGE;
                } catch (SecurityException e) {
                    err.println("virtxml host: " + file + ": cannot read: " + describe(e));
                    return ExitCode.USAGE;
                }
                HostProfile profile;
                try {
                    profile = HostProfile.fromCapabilitiesXml(xml);
                } catch (HostProfileException e) {
                    err.println("virtxml host: " + file + ": " + e.getMessage());
                    return ExitCode.USAGE;
                }
                report = new HostReport(profile, HostChecks.forProfile(profile));
            } else {
                HostProfile profile = HostProfile.local(environment);
                List<HostCheck> checks = HostChecks.forMachine(profile, environment);
                report = new HostReport(profile, checks);
            }
            StringBuilder sb = new StringBuilder();
            if (format == Format.json) {
                report.writeJson(sb);
            } else {
                report.writeText(sb);
            }
            out.print(sb);
            out.flush();
            return report.exitCode() == 0 ? ExitCode.DONE : ExitCode.FINDINGS;
        } catch (IOException | RuntimeException e) {
            err.println("virtxml host: internal error: " + describe(e));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCode.USAGE;
        } finally {
            err.flush();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
