package org.virtxml.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtxml.diff.Difference;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.io.TerminalText;
import org.virtxml.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml diff A B [--format text|json]}: the differences libvirt would see between two
 * documents (see {@link LibvirtDiff}). Text: one {@code PATH: A-VALUE → B-VALUE} line each. Exit
 * 0 = no difference; 1 = differences; 2 = usage, a missing file, or a document that cannot be read
 * (so that 1 always means "they differ").
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Show the semantic differences between two libvirt documents; exit 1 when they differ.")
public final class DiffCommand implements Callable<Integer> {

    /** Output formats of this verb. */
    public enum Format {
        text,
        json
    }

    @Parameters(index = "0", paramLabel = "A", description = "First document (or - for standard input).")
    private String a;

    @Parameters(index = "1", paramLabel = "B", description = "Second document.")
    private String b;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Mixin
    private DebugOption debug;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        AuthoringIo io = AuthoringIo.of(spec, System.in);
        if (a.equals("-") && b.equals("-")) {
            io.error("only one of A and B can be standard input");
            return AuthoringIo.USAGE;
        }
        AuthoringIo.Loaded la = io.read(a);
        if (!la.ok()) {
            return AuthoringIo.USAGE;
        }
        AuthoringIo.Loaded lb = io.read(b);
        if (!lb.ok()) {
            return AuthoringIo.USAGE;
        }
        List<Difference> diffs = LibvirtDiff.between(la.document(), lb.document());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            StringBuilder sb = new StringBuilder();
            Json json = Json.to(sb)
                    .beginObject()
                    .member("a", a)
                    .member("b", b)
                    .member("equal", diffs.isEmpty())
                    .name("differences")
                    .beginArray();
            for (Difference d : diffs) {
                json.beginObject().member("path", d.path()).name("a");
                value(json, d.left());
                json.name("b");
                value(json, d.right());
                json.endObject();
            }
            json.endArray().endObject();
            out.println(sb);
        } else {
            for (Difference d : diffs) {
                out.println(TerminalText.escape(d.toString()));
            }
        }
        out.flush();
        return diffs.isEmpty() ? AuthoringIo.OK : AuthoringIo.FAILED;
    }

    private static void value(Json json, String v) {
        if (v == null) {
            json.nullValue();
        } else {
            json.value(v);
        }
    }
}
