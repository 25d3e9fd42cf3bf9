package org.virtxml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtxml.apply.Applier;
import org.virtxml.apply.ApplyOutcome;
import org.virtxml.apply.ApplyReport;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainStates;
import org.virtxml.diff.Difference;
import org.virtxml.json.Json;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.host.HostProfileException;
import org.virtxml.lint.report.TextFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml apply --connect URI [--start] [--force] FILE...}: lint with the host's profile and
 * the domains it already has, refuse on errors unless forced, define, and report what libvirt
 * stored differently. Exit 0 = applied; 1 = refused (lint errors, or the host refused a
 * definition); 2 = usage, a missing file, or no connection.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Lint, define and (with --start) start domains and pools on a libvirt host.")
public final class ApplyCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, json }

    @Option(names = "--connect", required = true, paramLabel = "URI",
            description = "qemu:///system, qemu:///session, test:///default, qemu+unix:///system?socket=PATH, qemu+tcp://HOST[:PORT]/system, mem:///NAME")
    private String uri;

    @Option(names = "--start", description = "Start each domain or pool after defining it.")
    private boolean start;

    @Option(names = "--wait", description = "With --start: wait (within --timeout) until each started domain runs,"
            + " woken by libvirt's lifecycle events.")
    private boolean await;

    @Mixin
    private ConnectTimeoutOption timeout;

    @Option(names = "--force", description = "Define even when lint reports errors.")
    private boolean force;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    private boolean debug;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Domain and pool documents to apply.")
    private List<Path> files;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println(f + ": no such file");
                return ExitCode.USAGE;
            }
        }
        if (timeout.problem() != null || (await && !start)) {
            err.println("virtxml apply: " + (timeout.problem() != null ? timeout.problem() : "--wait needs --start"));
            return ExitCode.USAGE;
        }
        ApplyReport report;
        String waitFailure = null;
        try (Connector c = Connectors.open(uri, timeout.options())) {
            report = Applier.to(c).forced(force).starting(start).apply(files);
            if (await && !report.refused()) {
                try {
                    awaitRunning(c, report);
                } catch (ConnectorException e) { // the report still says what was done
                    waitFailure = e.getMessage();
                }
            }
        } catch (ConnectorException e) {
            err.println("virtxml apply: " + ConnectTimeoutOption.describe(uri, e));
            return ExitCode.USAGE;
        } catch (HostProfileException e) {
            err.println("virtxml apply: " + uri + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("virtxml apply: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (format == Format.json) {
            json(report, out);
        } else {
            text(report, out);
        }
        out.flush();
        if (waitFailure != null) {
            err.println("virtxml apply: --wait: " + waitFailure);
            return ExitCode.USAGE;
        }
        return report.refused() ? ExitCode.FINDINGS : ExitCode.DONE;
    }

    /** --wait: each domain the report defined and started runs, within the call timeout. */
    private void awaitRunning(Connector c, ApplyReport report) {
        for (ApplyOutcome o : report.outcomes()) {
            if (o.kind().equals("domain") && o.notes().contains("started")) {
                DomainStates.awaitRunning(c, o.name(), timeout.options().callTimeout());
            }
        }
    }

    private static void text(ApplyReport r, PrintWriter out) {
        for (FileReport f : r.lint().files()) {
            for (Diagnostic d : f.diagnostics()) {
                out.println(TextFormat.line(f.path(), d));
            }
        }
        for (ApplyOutcome o : r.outcomes()) {
            String what = switch (o.action()) {
                case DEFINED -> "defined";
                case REDEFINED -> "redefined (the definition changed)";
                case UNCHANGED -> "unchanged: the host already has this definition";
            };
            out.println(o.file() + ": " + o.kind() + " '" + o.name() + "' " + what);
            for (String n : o.notes()) {
                out.println("  " + n);
            }
            if (!o.stored().isEmpty() && o.action() != ApplyOutcome.Action.UNCHANGED) {
                out.println("  libvirt stored " + o.stored().size() + " difference(s) from the document (its defaults):");
                for (Difference d : o.stored()) {
                    out.println("    " + d);
                }
            }
        }
        if (r.refused()) {
            out.println("refused: " + r.reason() + (r.reason().contains("lint error") ? " (--force applies anyway)" : ""));
        }
    }

    private static void json(ApplyReport r, PrintWriter out) {
        Json j = Json.to(out);
        j.beginObject().member("refused", r.refused()).member("reason", r.reason());
        j.name("findings").beginArray();
        for (FileReport f : r.lint().files()) {
            for (Diagnostic d : f.diagnostics()) {
                j.beginObject().member("path", f.path()).member("rule", d.rule()).member("severity", d.severity().id())
                        .member("message", d.message()).member("line", d.line()).member("column", d.column()).endObject();
            }
        }
        j.endArray().name("applied").beginArray();
        for (ApplyOutcome o : r.outcomes()) {
            j.beginObject().member("path", o.file()).member("kind", o.kind()).member("name", o.name())
                    .member("action", o.action().name().toLowerCase(java.util.Locale.ROOT));
            j.name("notes").beginArray();
            o.notes().forEach(j::value);
            j.endArray().name("stored").beginArray();
            for (Difference d : o.stored()) {
                j.beginObject().member("path", d.path());
                j.name("document");
                if (d.left() == null) {
                    j.nullValue();
                } else {
                    j.value(d.left());
                }
                j.name("stored");
                if (d.right() == null) {
                    j.nullValue();
                } else {
                    j.value(d.right());
                }
                j.endObject();
            }
            j.endArray().endObject();
        }
        j.endArray().endObject();
        j.complete();
        out.println();
    }
}
