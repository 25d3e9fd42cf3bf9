package org.virtxml.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.virtxml.coverage.DocumentCoverage;
import org.virtxml.diff.Difference;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.dom.Loss;
import org.virtxml.edit.CloneOptions;
import org.virtxml.edit.Describer;
import org.virtxml.edit.DomainCloner;
import org.virtxml.edit.EditRefusedException;
import org.virtxml.edit.EditResult;
import org.virtxml.edit.Summary;
import org.virtxml.edit.VirtioConversion;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.LosslessCheck;
import org.virtxml.io.TerminalText;
import org.virtxml.io.TextDecoder;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.lint.report.ReportFormat;
import org.virtxml.lint.report.ReportFormats;
import org.virtxml.model.domain.Domain;

/**
 * One fuzz input through everything virtxml does with a document: read, write, read back, lint
 * (every rule, every report format), describe, diff, clone, edit (virtio), coverage. Checks the
 * properties of issue 16:
 * <ul>
 * <li>no exception other than {@link DocumentReadException} (and an edit's refusal);</li>
 * <li>what is written reads back, and a second write equals the first;</li>
 * <li>lossless by {@link LosslessCheck};</li>
 * <li>no rule fails, and lint's text and GitHub output hold no control character but line breaks.</li>
 * </ul>
 * A broken property is an {@link AssertionError} naming it; any other throwable escapes as it is.
 */
final class FuzzTarget {

    private final Linter linter;

    FuzzTarget(Linter linter) {
        this.linter = linter;
    }

    /** What the input did, as a short signature of its behaviour (the harness keeps inputs with new ones). */
    String run(byte[] input) throws Exception {
        LibvirtDocument<?> doc;
        try {
            doc = LibvirtXml.defaults().read(new ByteArrayInputStream(input), "fuzz.xml");
        } catch (DocumentReadException e) {
            String m = e.problem().message();
            return "unreadable:" + e.problem().kind() + ":"
                    + m.substring(0, Math.min(30, m.length())).replaceAll("[0-9']", "");
        }
        String written = doc.write();
        LibvirtDocument<?> again = readBack(written, "the first write");
        String second = again.write();
        require(second.equals(written), "a second write differs from the first", written, second);
        String text = TextDecoder.decode(input, "fuzz.xml");
        List<Loss> losses = LosslessCheck.compare(text, written);
        require(losses.isEmpty(), "not lossless: " + losses.subList(0, Math.min(3, losses.size())), text, written);

        TreeSet<String> signature = new TreeSet<>();
        signature.add(doc.kind().rootElement());
        lint(doc, signature);

        Summary summary = Describer.describe(doc.root());
        summary.toText();
        summary.toJson();
        DocumentCoverage.of(doc);
        List<Difference> diffs = LibvirtDiff.between(doc, again);
        require(
                diffs.isEmpty(),
                "diff(document, its write read back) is not empty: " + diffs.subList(0, Math.min(3, diffs.size())),
                written,
                second);

        if (doc.root() instanceof Domain) {
            edits(doc, signature);
        }
        return String.join(",", signature);
    }

    private void lint(LibvirtDocument<?> doc, TreeSet<String> signature) throws IOException {
        LintReport report = linter.lintDocuments(doc);
        if (!report.failures().isEmpty()) {
            AssertionError e =
                    new AssertionError("rule " + report.failures().get(0).rule() + " failed: "
                            + report.failures().get(0).cause());
            e.initCause(report.failures().get(0).cause());
            throw e;
        }
        for (Diagnostic d : report.diagnostics()) {
            signature.add(d.rule());
        }
        for (String name : ReportFormats.names()) {
            ReportFormat format = ReportFormats.byName(name).orElseThrow();
            StringBuilder out = new StringBuilder();
            format.write(report, Severity.ERROR, out);
            if (name.equals("text") || name.equals("github")) {
                for (String line : out.toString().split("\n", -1)) {
                    require(
                            TerminalText.isSafe(line),
                            "lint --format " + name + " printed a control character",
                            line,
                            "");
                }
            }
        }
    }

    private void edits(LibvirtDocument<?> doc, TreeSet<String> signature) throws Exception {
        Domain copy = (Domain) doc.copy().root();
        if (!new VirtioConversion().apply(copy).changes().isEmpty()) {
            signature.add("virtio");
        }
        readBack(LibvirtXml.toXml(copy), "the virtio edit");
        try {
            EditResult<Domain> clone = DomainCloner.withRandom(new SplittableRandom(7))
                    .clone((Domain) doc.copy().root(), CloneOptions.named("fuzz-clone"));
            readBack(LibvirtXml.toXml(clone.root()), "the clone");
            signature.add("cloned");
        } catch (EditRefusedException e) {
            signature.add("clone-refused");
        }
    }

    private static LibvirtDocument<?> readBack(String xml, String what) {
        try {
            return LibvirtXml.defaults().read(xml, "written.xml");
        } catch (DocumentReadException e) {
            throw new AssertionError("what " + what + " wrote does not read back: " + e.problem(), e);
        }
    }

    private static void require(boolean holds, String property, String expected, String actual) {
        if (!holds) {
            throw new PropertyFailure(property, expected, actual);
        }
    }

    /** A property that does not hold, with the two texts it compared. */
    static final class PropertyFailure extends AssertionError {
        private static final long serialVersionUID = 1L;

        PropertyFailure(String property, String expected, String actual) {
            super(property + "\n--- expected\n" + clip(expected) + "\n--- actual\n" + clip(actual));
        }

        private static String clip(String s) {
            return s.length() > 600 ? s.substring(0, 600) + "..." : s;
        }
    }

    /** The names of the failing properties are kept short for grouping. */
    static String kind(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        String head = (nl < 0 ? m : m.substring(0, nl)).replaceAll("[0-9]+", "N");
        StackTraceElement[] st = t.getStackTrace();
        String where = t instanceof AssertionError || st.length == 0 ? "" : " at " + st[0];
        return t.getClass().getSimpleName()
                + (t instanceof AssertionError ? ": " + head.substring(0, Math.min(80, head.length())) : where);
    }
}
