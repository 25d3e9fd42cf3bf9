package org.virtxml.lint.report;

import java.io.IOException;
import org.virtxml.json.Json;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.LintSummary;
import org.virtxml.lint.Severity;

/**
 * The JSON object of cli.md:
 * {@code {"files":[{"path","kind","diagnostics":[{"rule","severity","message","line","column","xpath"}]}],
 * "summary":{"files","errors","warnings","infos"}}}. An unknown line/column or xpath is null.
 */
public final class JsonFormat implements ReportFormat {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(LintReport report, Severity failOn, Appendable out) throws IOException {
        // written into a buffer passed on to out once per file: out (often a synchronized PrintWriter)
        // sees a few large appends instead of several per finding
        StringBuilder buffer = new StringBuilder(8192);
        Json json = Json.to(buffer);
        json.beginObject().name("files").beginArray();
        for (FileReport file : report.files()) {
            json.beginObject()
                    .member("path", file.path())
                    .member("kind", file.kind())
                    .name("diagnostics")
                    .beginArray();
            for (Diagnostic d : file.diagnostics()) {
                json.beginObject()
                        .member("rule", d.rule())
                        .member("severity", d.severity().id())
                        .member("message", d.message());
                position(json, "line", d.line());
                position(json, "column", d.column());
                json.member("xpath", d.xpath()).endObject();
            }
            json.endArray().endObject();
            out.append(buffer);
            buffer.setLength(0);
        }
        json.endArray();
        LintSummary s = report.summary();
        json.name("summary")
                .beginObject()
                .member("files", s.files())
                .member("errors", s.errors())
                .member("warnings", s.warnings())
                .member("infos", s.infos())
                .endObject();
        json.endObject();
        out.append(buffer).append('\n');
    }

    private static void position(Json json, String name, int value) {
        json.name(name);
        if (value > 0) {
            json.value(value);
        } else {
            json.nullValue();
        }
    }
}
