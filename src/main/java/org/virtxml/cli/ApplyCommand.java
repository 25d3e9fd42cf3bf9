package org.virtxml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.virtxml.apply.ApplyOutcome;
import org.virtxml.apply.ApplyReport;
import org.virtxml.apply.Fleet;
import org.virtxml.apply.HostApply;
import org.virtxml.diff.Difference;
import org.virtxml.json.Json;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.report.TextFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml apply --connect URI... [--hosts FILE] [--start] [--live] [--autostart] [--pool NAME]
 * [--start [--wait]] [--timeout SECONDS] [--force] FILE...}: lint with each host's profile and the domains it already has, refuse on
 * errors unless forced, apply networks, pools, volumes and domains, and report per document what
 * was done. Several hosts are applied to in parallel, with a report each. Exit 0 = applied
 * everywhere; 1 = refused (lint errors) or the host refused a document or step; 2 = usage, a
 * missing file, no connection, or a connection lost mid-run (the worst host decides).
 */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = "Lint, define and (with --start) start networks, pools, volumes and domains on libvirt hosts.")
public final class ApplyCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format {
        text,
        json
    }

    @Option(
            names = "--connect",
            paramLabel = "URI",
            description =
                    "qemu:///system, qemu:///session, test:///default, qemu+unix:///system?socket=PATH, qemu+tcp://HOST[:PORT]/system, mem:///NAME; repeat for several hosts")
    private List<String> uris = new ArrayList<>();

    @Option(
            names = "--hosts",
            paramLabel = "FILE",
            description = "A file of connection URIs, one a line (# starts a comment).")
    private Path hostsFile;

    @Option(names = "--start", description = "Start each domain, network or pool that is not running.")
    private boolean start;

    @Option(
            names = "--live",
            description = "For a running domain, attach and detach added and removed disks and interfaces at once.")
    private boolean live;

    @Option(names = "--autostart", description = "Mark each domain, network and pool to start with the host.")
    private boolean autostart;

    @Option(names = "--pool", paramLabel = "NAME", description = "The pool volume documents are created in.")
    private String pool;

    @Option(
            names = "--wait",
            description = "With --start: wait (within --timeout) until each started domain runs,"
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

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "Domain, network, pool and volume documents to apply.")
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
                err.flush();
                return ExitCode.USAGE;
            }
        }
        if (timeout.problem() != null || (await && !start)) {
            err.println("virtxml apply: " + (timeout.problem() != null ? timeout.problem() : "--wait needs --start"));
            err.flush();
            return ExitCode.USAGE;
        }
        List<String> hosts = new ArrayList<>(uris);
        if (hostsFile != null) {
            try {
                for (String line : Files.readAllLines(hostsFile)) {
                    String uri = line.replaceFirst("#.*", "").trim();
                    if (!uri.isEmpty()) {
                        hosts.add(uri);
                    }
                }
            } catch (IOException e) {
                err.println("virtxml apply: " + hostsFile + ": cannot read: " + e.getMessage());
                err.flush();
                return ExitCode.USAGE;
            }
        }
        if (hosts.isEmpty()) {
            err.println("virtxml apply: give --connect URI (or --hosts FILE)");
            err.flush();
            return ExitCode.USAGE;
        }
        Fleet fleet = Fleet.of(timeout.options(), a -> {
                    a = a.forced(force).starting(start).live(live).autostarting(autostart);
                    return pool == null ? a : a.intoPool(pool);
                })
                .awaitingRunning(await);
        List<HostApply> results =
                hosts.size() == 1 ? List.of(fleet.one(hosts.get(0), files)) : fleet.apply(hosts, files);
        if (format == Format.json) {
            json(results, out);
        } else {
            for (HostApply h : results) {
                if (results.size() > 1) {
                    out.println("== " + h.uri() + " ==");
                }
                h.report().ifPresent(r -> text(r, out));
                // with several hosts each error is prefixed by its host; one host's names its URI once
                h.error()
                        .ifPresent(e -> err.println("virtxml apply: "
                                + (results.size() > 1
                                        ? h.uri() + ": " + e
                                        : ConnectTimeoutOption.describe(h.uri(), e))));
                h.waitFailure().ifPresent(e -> err.println("virtxml apply: --wait: " + e));
            }
        }
        out.flush();
        err.flush();
        return results.stream().mapToInt(ApplyCommand::exitCode).max().orElse(ExitCode.DONE);
    }

    private static int exitCode(HostApply h) {
        if (h.error().isPresent() || h.waitFailure().isPresent()) {
            return ExitCode.USAGE;
        }
        return switch (h.report().orElseThrow().status()) {
            case APPLIED -> ExitCode.DONE;
            case REFUSED, FAILED -> ExitCode.FINDINGS;
            case CONNECTION_LOST -> ExitCode.USAGE;
        };
    }

    private static String describe(ApplyOutcome.Action action) {
        return switch (action) {
            case DEFINED -> "defined";
            case REDEFINED -> "redefined (the definition changed)";
            case UNCHANGED -> "unchanged: the host already has this definition";
            case FAILED -> "not defined";
            case UNKNOWN -> "may or may not be defined: the connection ended during the define call";
            case NOT_TRIED -> "not tried";
        };
    }

    private static void text(ApplyReport r, PrintWriter out) {
        for (FileReport f : r.lint().files()) {
            for (Diagnostic d : f.diagnostics()) {
                out.println(TextFormat.line(f.path(), d));
            }
        }
        for (ApplyOutcome o : r.outcomes()) {
            out.println(o.file() + ": " + o.kind() + (o.name().isEmpty() ? "" : " '" + o.name() + "'") + " "
                    + describe(o.action()));
            if (o.started()) {
                out.println("  started");
            }
            for (String n : o.notes()) {
                out.println("  " + n);
            }
            o.failure().ifPresent(f -> out.println("  FAILED at " + f.step() + ": " + f.message()));
            if (!o.stored().isEmpty()
                    && (o.action() == ApplyOutcome.Action.DEFINED || o.action() == ApplyOutcome.Action.REDEFINED)) {
                out.println(
                        "  libvirt stored " + o.stored().size() + " difference(s) from the document (its defaults):");
                for (Difference d : o.stored()) {
                    out.println("    " + d);
                }
            }
        }
        if (!r.outcomes().isEmpty()) {
            out.println(summary(r));
        }
        switch (r.status()) {
            case REFUSED -> out.println("refused: " + r.reason() + " (--force applies anyway)");
            case FAILED -> out.println("failed: " + r.reason() + "; the others were applied");
            case CONNECTION_LOST -> out.println("stopped: " + r.reason());
            case APPLIED -> {}
        }
    }

    private static String summary(ApplyReport r) {
        Map<String, Integer> counts = new TreeMap<>();
        int started = 0;
        int failed = 0;
        for (ApplyOutcome o : r.outcomes()) {
            counts.merge(o.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1, Integer::sum);
            started += o.started() ? 1 : 0;
            failed += o.failure().isPresent() ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder(r.outcomes().size() + " document(s): ");
        counts.forEach((action, n) -> sb.append(n).append(' ').append(action).append(", "));
        return sb.append(started)
                .append(" started, ")
                .append(failed)
                .append(" with a failed step")
                .toString();
    }

    private static void json(List<HostApply> results, PrintWriter out) {
        Json j = Json.to(out);
        if (results.size() == 1) {
            host(j, results.get(0));
        } else {
            j.beginObject().name("hosts").beginArray();
            results.forEach(h -> host(j, h));
            j.endArray().endObject();
        }
        j.complete();
        out.println();
    }

    private static void host(Json j, HostApply h) {
        j.beginObject().member("uri", h.uri());
        if (h.error().isPresent()) {
            j.member("status", "error").member("reason", h.error().get()).endObject();
            return;
        }
        ApplyReport r = h.report().orElseThrow();
        j.member("status", r.status().name().toLowerCase(Locale.ROOT))
                .member("refused", r.refused())
                .member("reason", r.reason());
        j.name("findings").beginArray();
        for (FileReport f : r.lint().files()) {
            for (Diagnostic d : f.diagnostics()) {
                j.beginObject()
                        .member("path", f.path())
                        .member("rule", d.rule())
                        .member("severity", d.severity().id())
                        .member("message", d.message())
                        .member("line", d.line())
                        .member("column", d.column())
                        .endObject();
            }
        }
        j.endArray().name("applied").beginArray();
        for (ApplyOutcome o : r.outcomes()) {
            j.beginObject()
                    .member("path", o.file())
                    .member("kind", o.kind())
                    .member("name", o.name())
                    .member("action", o.action().name().toLowerCase(Locale.ROOT))
                    .member("started", o.started());
            j.name("failure");
            if (o.failure().isEmpty()) {
                j.nullValue();
            } else {
                j.beginObject()
                        .member("step", o.failure().get().step())
                        .member("message", o.failure().get().message())
                        .endObject();
            }
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
    }
}
